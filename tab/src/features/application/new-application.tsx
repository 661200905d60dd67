/**
 * `#/ny-ansokan`: step 1 of a new application. "Spara utkast" creates the draft (POST
 * /api/insatser) and continues at `#/ansokan/<id>`, so a reload keeps it and the rest of the form
 * opens there. Anyone with a role may start one (the server decides); an applicant who is not
 * kansli becomes its projektledare.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, Title1 } from '@fluentui/react-components';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { interventionResponseSchema } from '../../api/contracts.ts';
import { useStrings } from '../../i18n/language.tsx';
import { navigate } from '../../shell/router.tsx';
import { useSession } from '../../shell/session.tsx';
import { type ApplicationForm, createBody, emptyForm, type FieldErrors } from './application-model.ts';
import { focusFirstInvalid, sectionId } from './application-reasons.ts';
import { applicationStrings } from './application-strings.ts';
import { useApplicationStyles } from './application-styles.ts';
import { BasicsFields } from './basics-fields.tsx';
import { rememberCreated } from './draft-notice.ts';
import { ProgressSteps } from './progress-steps.tsx';
import { placeFieldErrors } from './server-errors.ts';
import { useFormData } from './use-form-data.ts';

type Notice = { readonly title: string; readonly lines: readonly string[] };

export const NewApplication = () => {
  const styles = useApplicationStyles();
  const strings = useStrings(applicationStrings);
  const { api, me } = useSession();
  const data = useFormData();
  const [form, setForm] = useState<ApplicationForm>(emptyForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // after a refused save, the first field to correct gets the focus
  useEffect(() => {
    if (refused > 0) {
      focusFirstInvalid(formRef.current);
    }
  }, [refused]);

  const change = (patch: Partial<ApplicationForm>, ...paths: string[]) => {
    setForm((previous) => ({ ...previous, ...patch }));
    if (paths.some((path) => errors[path] !== undefined)) {
      setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([path]) => !paths.includes(path))));
    }
  };

  const refuse = (fieldErrors: FieldErrors, title: string, lines: readonly string[] = []) => {
    setErrors(fieldErrors);
    setNotice({ title, lines });
    setRefused((count) => count + 1);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const { body, errors: found } = createBody(form, strings, me.isKansli);
    if (Object.keys(found).length > 0) {
      refuse(found, strings.clientErrors);
      return;
    }
    setBusy(true);
    setNotice(null);
    try {
      const answer = await api.send('POST', '/api/insatser', body, interventionResponseSchema);
      rememberCreated(answer.insats.id);
      navigate(`/ansokan/${answer.insats.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const { fields, unplaced } = placeFieldErrors(error, []);
        refuse(fields, strings.serverErrors, unplaced);
      } else if (error instanceof ApiError && error.code === 'CONFLICT') {
        // the one unique thing in step 1 is the code
        refuse({ code: error.message }, strings.serverErrors);
      } else {
        setNotice({ title: error instanceof Error ? error.message : String(error), lines: [] });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.layout}>
      <div>
        <Title1 as="h1">{strings.newTitle}</Title1>
        <Text as="p" className={styles.lead}>
          {strings.newLead}
        </Text>
      </div>
      <ProgressSteps missing={null} />
      {data.membersError !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{data.membersError}</MessageBarBody>
        </MessageBar>
      )}
      <form ref={formRef} className={styles.form} noValidate onSubmit={save}>
        <section className={styles.section} aria-labelledby={sectionId('grund')}>
          <h2 className={styles.sectionTitle} id={sectionId('grund')} tabIndex={-1}>
            1. {strings.sections.grund}
          </h2>
          {data.membersLoading && data.members.length === 0 ? (
            <Spinner size="small" label={strings.loadingMembers} />
          ) : (
            <BasicsFields
              form={form}
              errors={errors}
              change={change}
              isNew
              members={data.members}
              people={data.people}
              freeLeaderId={data.freeLeaderId}
            />
          )}
        </section>
        {notice !== null && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{notice.title}</MessageBarTitle>
              {notice.lines.map((line) => (
                <span key={line}>
                  <br />
                  {line}
                </span>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={busy}>
            {busy ? strings.saving : strings.saveDraft}
          </Button>
        </div>
      </form>
    </div>
  );
};
