/**
 * "Arkivera signerat avtal" (the kansli and the insats's projektägare — the matrix's
 * arkivera-avtal): a PDF and, if known, the day the last party signed, checked here first (size,
 * the PDF header) and sent as the raw body of POST /api/insatser/:id/avtal with a progress bar.
 * The server is the authority: its refusals (400 not a PDF, 413 too large, 409 a signing open,
 * 403) are shown in its words, a bad date by the date field; what it did is said after — the name
 * the file got, which earlier agreement is now Ersatt, and the insats's move to Uppstart.
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
} from '@fluentui/react-components';
import { ArrowUpload20Regular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { z } from 'zod';
import type { ApiError } from '../../api/api-error.ts';
import { signedAgreementFiledSchema } from '../../api/contracts.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { useSession } from '../../shell/session.tsx';
import { useAgreementStyles } from './agreement-styles.ts';
import { agreementsStrings } from './agreements-strings.ts';
import { toApiError } from './api-errors.ts';
import { FilePicker, type FilePickerHandle } from './file-picker.tsx';
import { type FileProblem, pdfProblem } from './pdf-file.ts';

export type AgreementFiled = z.infer<typeof signedAgreementFiledSchema>;

type Props = {
  readonly interventionId: string;
  readonly code: string;
  /** the open signing's approval id: no upload until it is closed (the server would answer 409) */
  readonly openSigning: string | null;
  readonly onFiled: (filed: AgreementFiled) => void;
};

/** today in the förbund's time zone, `2027-01-10`: the latest signing date the server takes */
function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

export const UploadSigned = ({ interventionId, code, openSigning, onFiled }: Props) => {
  const styles = useAgreementStyles();
  const strings = useStrings(agreementsStrings);
  const term = useTerm();
  const { api } = useSession();
  const input = useRef<FilePickerHandle>(null);
  const [file, setFile] = useState<File | null>(null);
  const [signedDate, setSignedDate] = useState('');
  const [fileError, setFileError] = useState<string>();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError>();
  const [filed, setFiled] = useState<AgreementFiled>();

  const problemText = (problem: FileProblem) =>
    problem === 'empty' ? strings.emptyFile : problem === 'too-large' ? strings.tooLarge : strings.notPdf;

  const pick = (picked: File | null) => {
    setFile(picked);
    setFileError(undefined);
    setError(undefined);
    setFiled(undefined);
    if (picked !== null) {
      void pdfProblem(picked).then((problem) => setFileError(problem === null ? undefined : problemText(problem)));
    }
  };

  const upload = async () => {
    setError(undefined);
    setFiled(undefined);
    if (file === null) {
      setFileError(strings.chooseFile);
      input.current?.focus();
      return;
    }
    const problem = await pdfProblem(file);
    if (problem !== null) {
      setFileError(problemText(problem));
      input.current?.focus();
      return;
    }
    const query = new URLSearchParams({ filnamn: file.name });
    if (signedDate.trim() !== '') {
      query.set('signerat', signedDate.trim());
    }
    setProgress(0);
    try {
      const answer = await api.sendFile(
        `/api/insatser/${encodeURIComponent(interventionId)}/avtal?${query.toString()}`,
        file,
        signedAgreementFiledSchema,
        { contentType: 'application/pdf', onProgress: setProgress },
      );
      setFiled(answer);
      setFile(null);
      setSignedDate('');
      input.current?.clear();
      onFiled(answer);
    } catch (caught) {
      const apiError = toApiError(caught);
      // "Filen är ingen PDF" and the size belong to the file field; the rest to the form
      if (apiError.status === 400 && apiError.fieldErrors.signerat === undefined) {
        setFileError(apiError.message);
        input.current?.focus();
      } else {
        setError(apiError);
      }
    } finally {
      setProgress(null);
    }
  };

  const dateError = error?.fieldErrors.signerat;
  const busy = progress !== null;
  return (
    <div className={styles.stack}>
      <h3 className={styles.subTitle} id="arkivera-avtal">
        {strings.uploadTitle}
      </h3>
      {filed !== undefined && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.filedTitle(filed.agreement.name)}</MessageBarTitle>
            {filed.renamed && <> {strings.filedRenamed}</>}
            {filed.replaced.length > 0 && <> {strings.filedReplaced(filed.replaced)}</>}
            {filed.stage.from !== filed.stage.to && (
              <> {strings.filedMoved(code, term(filed.stage.from), term(filed.stage.to))}</>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {openSigning !== null ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{strings.uploadBlocked(openSigning)}</MessageBarBody>
        </MessageBar>
      ) : (
        <div className={styles.form}>
          <Text as="p" block className={styles.plain}>
            {strings.uploadLead}
          </Text>
          <FilePicker
            ref={input}
            id="avtal-fil"
            label={strings.fileLabel}
            file={file}
            accept="application/pdf,.pdf"
            error={fileError}
            disabled={busy}
            onPick={pick}
          />
          <Field
            label={strings.signedDateLabel}
            hint={strings.signedDateHint}
            validationMessage={dateError}
            validationState={dateError === undefined ? 'none' : 'error'}
          >
            <Input
              type="date"
              value={signedDate}
              max={today()}
              disabled={busy}
              onChange={(_event, data) => setSignedDate(data.value)}
            />
          </Field>
          {error !== undefined && dateError === undefined && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{strings.uploadFailed}</MessageBarTitle>
                {error.message}
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" icon={<ArrowUpload20Regular />} disabled={busy} onClick={() => void upload()}>
              {strings.uploadButton}
            </Button>
          </div>
          {busy && (
            <div className={styles.progress}>
              <ProgressBar
                value={progress}
                max={1}
                thickness="large"
                aria-label={strings.uploading(Math.round(progress * 100))}
              />
              <Text role="status" size={200}>
                {strings.uploading(Math.round(progress * 100))}
              </Text>
            </div>
          )}
        </div>
      )}
    </div>
  );
};
