/**
 * "Kontrollera avtal" (`#/avtal/kontroll`), for anyone signed in: pick a file, send its bytes to
 * POST /api/avtal/kontroll, and read the answer — "Filen stämmer med …" (which insats, file,
 * status, signing date, and who signed for which organisation when), "Filen stämmer inte med
 * något arkiverat avtal" with the file's SHA-256 to compare by hand, or, for a match the person
 * may not see the details of, the server's own words. The server computes the hash; the browser
 * only checks the size before sending.
 */
import {
  Badge,
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  ProgressBar,
  Text,
  Title1,
} from '@fluentui/react-components';
import { ArrowLeft16Regular, ShieldCheckmark20Regular } from '@fluentui/react-icons';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { ApiError } from '../../api/api-error.ts';
import { agreementVerificationSchema } from '../../api/contracts.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { hrefTo } from '../../shell/router.tsx';
import { useSession } from '../../shell/session.tsx';
import { useAgreementStyles } from './agreement-styles.ts';
import { agreementsStrings } from './agreements-strings.ts';
import { toApiError } from './api-errors.ts';
import { FilePicker, type FilePickerHandle } from './file-picker.tsx';
import { OpenAgreementButton } from './open-button.tsx';
import { formatBytes, sizeProblem } from './pdf-file.ts';
import { ShaLine } from './sha-line.tsx';

type Verification = z.infer<typeof agreementVerificationSchema>;
type Verified = Verification['agreements'][number];

/** the drive item in the app's file link (`/api/avtal/<id>/fil?…`), to open it with credentials */
function driveItemOf(fileUrl: string | null): string | null {
  if (fileUrl === null) {
    return null;
  }
  const match = /\/api\/avtal\/([^/?#]+)\/fil/.exec(fileUrl);
  return match?.[1] === undefined ? null : decodeURIComponent(match[1]);
}

const Match = ({ agreement }: { readonly agreement: Verified }) => {
  const styles = useAgreementStyles();
  const strings = useStrings(agreementsStrings);
  const term = useTerm();
  const driveItemId = driveItemOf(agreement.fileUrl);
  const rows: Array<readonly [string, ReactNode]> = [
    [
      strings.insats,
      agreement.insats === null ? (
        strings.none
      ) : (
        <Link key="insats" href={hrefTo(`/insatser/${encodeURIComponent(agreement.insats.id)}`)}>
          {agreement.insats.code} – {agreement.insats.title}
        </Link>
      ),
    ],
    [strings.fileName, agreement.name],
    [
      strings.status,
      agreement.status === null ? (
        strings.none
      ) : (
        <Badge key="status" appearance="tint" color={agreement.status === 'Signerat' ? 'success' : 'informative'}>
          {term(agreement.status)}
        </Badge>
      ),
    ],
    [strings.signedDate, agreement.signedDate ?? strings.none],
  ];
  return (
    <li className={styles.card}>
      <h3 className={styles.cardTitle}>{strings.matchedWith(agreement.name)}</h3>
      <dl className={styles.facts}>
        {rows.map(([label, value]) => (
          <div key={label} className={styles.factRow}>
            <dt className={styles.factTitle}>{label}</dt>
            <dd className={styles.factValue}>{value}</dd>
          </div>
        ))}
      </dl>
      <Text weight="semibold">{strings.signers}</Text>
      {agreement.signers.length === 0 ? (
        <Text className={styles.muted}>{strings.noSigners}</Text>
      ) : (
        <ul className={styles.bullets} aria-label={strings.signers}>
          {agreement.signers.map((signer) => (
            <li key={`${signer.name}-${signer.organisation ?? ''}-${signer.at ?? ''}`}>
              {strings.signerLine(signer.name, signer.organisation, signer.at)}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.actions}>
        {driveItemId !== null && (
          <OpenAgreementButton driveItemId={driveItemId} name={agreement.name} label={strings.openArchived} />
        )}
        {agreement.approvalId !== null && /^\d+$/.test(agreement.approvalId) && (
          <Link href={hrefTo(`/beslut/${agreement.approvalId}`)}>{strings.approval(agreement.approvalId)}</Link>
        )}
      </div>
    </li>
  );
};

const Result = ({ result, fileName }: { readonly result: Verification; readonly fileName: string }) => {
  const styles = useAgreementStyles();
  const strings = useStrings(agreementsStrings);
  const heading = useRef<HTMLHeadingElement>(null);
  // a new answer: focus its heading, so a screen reader reads the verdict next
  // biome-ignore lint/correctness/useExhaustiveDependencies: `result` is the trigger
  useEffect(() => {
    heading.current?.focus();
  }, [result]);
  const intent = result.matched ? 'success' : 'warning';
  const title = !result.matched
    ? strings.notMatchedTitle
    : result.agreements.length === 0
      ? strings.hiddenTitle
      : strings.matchedTitle;
  return (
    <section className={styles.section} aria-labelledby="kontroll-resultat">
      <h2
        className={mergeClasses(styles.sectionTitle, styles.focusTarget)}
        id="kontroll-resultat"
        ref={heading}
        tabIndex={-1}
      >
        {strings.resultTitle}
      </h2>
      <MessageBar intent={intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {/* the server's sentence names the match and its signers, which the cards below show */}
          {result.agreements.length > 0 && result.hidden === 0 ? strings.matchedBody : result.message}
        </MessageBarBody>
      </MessageBar>
      <Text className={styles.muted}>
        {strings.checkedFile(fileName)} · {strings.bytes(formatBytes(result.bytes))}
      </Text>
      <ShaLine sha256={result.sha256} name={fileName} full label={strings.fileSha} />
      {result.agreements.length > 0 && (
        <ul className={styles.list}>
          {result.agreements.map((agreement) => (
            <Match key={`${agreement.folder}/${agreement.name}`} agreement={agreement} />
          ))}
        </ul>
      )}
    </section>
  );
};

export const VerifyView = () => {
  const styles = useAgreementStyles();
  const strings = useStrings(agreementsStrings);
  const { api } = useSession();
  const input = useRef<FilePickerHandle>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError>();
  const [result, setResult] = useState<{ readonly verification: Verification; readonly fileName: string }>();

  const check = async () => {
    setError(undefined);
    setResult(undefined);
    const problem = file === null ? 'none' : sizeProblem(file);
    if (file === null || problem !== null) {
      setFileError(
        problem === 'too-large' ? strings.tooLarge : problem === 'empty' ? strings.emptyFile : strings.chooseFile,
      );
      input.current?.focus();
      return;
    }
    setProgress(0);
    try {
      const verification = await api.sendFile('/api/avtal/kontroll', file, agreementVerificationSchema, {
        contentType: 'application/pdf',
        onProgress: setProgress,
      });
      setResult({ verification, fileName: file.name });
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setProgress(null);
    }
  };

  const busy = progress !== null;
  return (
    <>
      <Link className={styles.back} href={hrefTo('/insatser')}>
        <ArrowLeft16Regular aria-hidden="true" /> {strings.backToList}
      </Link>
      <Title1 as="h1" block>
        {strings.checkTitle}
      </Title1>
      <div className={styles.page}>
        <section className={styles.section} aria-label={strings.checkTitle}>
          <Text as="p" block className={styles.plain}>
            {strings.checkLead}
          </Text>
          <div className={styles.form}>
            <FilePicker
              ref={input}
              id="kontroll-fil"
              label={strings.checkFileLabel}
              file={file}
              accept="application/pdf,.pdf"
              error={fileError}
              disabled={busy}
              onPick={(picked) => {
                setFile(picked);
                setFileError(undefined);
                setError(undefined);
                setResult(undefined);
              }}
            />
            <div className={styles.actions}>
              <Button
                appearance="primary"
                icon={<ShieldCheckmark20Regular />}
                disabled={busy}
                onClick={() => void check()}
              >
                {strings.checkButton}
              </Button>
            </div>
            {busy && (
              <div className={styles.progress}>
                <ProgressBar
                  value={progress}
                  max={1}
                  thickness="large"
                  aria-label={strings.checking(Math.round(progress * 100))}
                />
                <Text role="status" size={200}>
                  {strings.checking(Math.round(progress * 100))}
                </Text>
              </div>
            )}
            {error !== undefined && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{strings.checkFailed}</MessageBarTitle>
                  {error.message}
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
        </section>
        {result !== undefined && <Result result={result.verification} fileName={result.fileName} />}
      </div>
    </>
  );
};
