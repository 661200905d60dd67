/**
 * A saved draft, all of it: the parts of the application in sections, "Spara utkast" (PATCH
 * with only what changed and the eTag of the last answer; PUT of the budget when it changed),
 * and "Skicka in ansökan" (saves first, then submits). What the person typed stays on a refusal;
 * the first field to correct gets the focus. A 412 means someone else saved in between: say so
 * and offer to reload rather than overwrite their work.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from '@fluentui/react-components';
import { Save20Regular } from '@fluentui/react-icons';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { ApiError } from '../../api/api-error.ts';
import { interventionDetailResponseSchema, interventionResponseSchema } from '../../api/contracts.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useSession } from '../../shell/session.tsx';
import {
  type ApplicationForm,
  applicantsOf,
  type BudgetLineInput,
  changedFields,
  type FieldErrors,
  formFrom,
  sameLines,
  toPayload,
} from './application-model.ts';
import {
  focusFirstInvalid,
  SECTION_KEYS,
  type SectionKey,
  sectionId,
  sectionOfPath,
  targetOfReason,
} from './application-reasons.ts';
import { applicationStrings } from './application-strings.ts';
import { useApplicationStyles } from './application-styles.ts';
import type { Insats, InsatsDetail } from './application-types.ts';
import { BasicsFields } from './basics-fields.tsx';
import { BudgetGrid } from './budget-grid.tsx';
import { GoalsFields, TargetGroupFields } from './goals-fields.tsx';
import { ProgressSteps } from './progress-steps.tsx';
import { placeFieldErrors } from './server-errors.ts';
import { SignatoriesFields } from './signatories-fields.tsx';
import { SubmitSection } from './submit-section.tsx';
import { TextFields } from './text-fields.tsx';
import { useFormData } from './use-form-data.ts';

/** PUT …/budget answers with the lines as stored; parsed with the server's own line schema */
const budgetAnswerSchema = z.object({
  budgetLines: interventionDetailResponseSchema.shape.budgetLines,
  total: z.number(),
});

type Saved = { readonly insats: Insats; readonly lines: readonly BudgetLineInput[] };

type Notice = {
  readonly intent: 'success' | 'info' | 'error';
  readonly title: string;
  readonly lines?: readonly string[];
};

type EditorProps = {
  readonly detail: InsatsDetail;
  /** loads the draft again (after a save: the server's fresh list of what is missing) */
  readonly refresh: () => void;
  /** throws the typed changes away and starts over from the server's version (after a 412) */
  readonly restart: () => void;
  readonly onSubmitted: (insats: Insats) => void;
  readonly justCreated: boolean;
};

const timeFormat = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit' });

const Section = ({ section, number, children }: { section: SectionKey; number: number; children: ReactNode }) => {
  const styles = useApplicationStyles();
  const strings = useStrings(applicationStrings);
  return (
    <section className={styles.section} aria-labelledby={sectionId(section)}>
      <h2 className={styles.sectionTitle} id={sectionId(section)} tabIndex={-1}>
        {number}. {strings.sections[section]}
      </h2>
      {children}
    </section>
  );
};

export const DraftEditor = ({ detail, refresh, restart, onSubmitted, justCreated }: EditorProps) => {
  const styles = useApplicationStyles();
  const strings = useStrings(applicationStrings);
  const { api, me, refreshWaiting } = useSession();
  const data = useFormData();
  const id = detail.insats.id;
  const [form, setForm] = useState<ApplicationForm>(() => formFrom(detail.insats, detail.budgetLines));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice | null>(
    justCreated ? { intent: 'success', title: strings.created(detail.insats.code) } : null,
  );
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [stale, setStale] = useState(false);
  const [refusal, setRefusal] = useState<readonly string[] | null>(null);
  const [refused, setRefused] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  const saved = useRef<Saved>({ insats: detail.insats, lines: detail.budgetLines });

  // a fresh read is the newest saved state (its eTag is what the next PATCH must carry)
  useEffect(() => {
    saved.current = { insats: detail.insats, lines: detail.budgetLines };
  }, [detail]);

  useEffect(() => {
    if (refused > 0) {
      focusFirstInvalid(formRef.current);
    }
  }, [refused]);

  const mayChooseProjectLeader = me.isKansli;
  // the insats's own projektledare is named even when the sign-in list does not have them
  const people =
    data.people === null
      ? null
      : [
          ...detail.people
            .filter((person) => person.role === 'Projektledare')
            .filter((person) => !data.people?.some((known) => known.aadObjectId === person.aadObjectId))
            .map((person) => ({ aadObjectId: person.aadObjectId, name: person.name })),
          ...data.people,
        ];
  const applicantNames = applicantsOf(form).map(
    (orgId) => data.members.find((member) => member.id === orgId)?.name ?? orgId,
  );
  const problems = refusal ?? detail.applicationProblems;
  const missing = Object.fromEntries(SECTION_KEYS.map((key) => [key, 0])) as Record<SectionKey, number>;
  for (const reason of detail.applicationProblems) {
    const target = targetOfReason(reason, applicantNames);
    missing[target === null ? 'skicka' : sectionOfPath(target)] += 1;
  }

  const change = (patch: Partial<ApplicationForm>, ...paths: string[]) => {
    setForm((previous) => ({ ...previous, ...patch }));
    if (paths.some((path) => errors[path] !== undefined)) {
      setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([path]) => !paths.includes(path))));
    }
  };

  const refuse = (fieldErrors: FieldErrors, title: string, lines: readonly string[] = []) => {
    setErrors(fieldErrors);
    setNotice({ intent: 'error', title, lines });
    setRefused((count) => count + 1);
  };

  /** saves what changed; true when the draft on the server now holds what the form shows */
  const saveChanges = async (): Promise<boolean> => {
    const { payload, lines, errors: found } = toPayload(form, strings);
    if (Object.keys(found).length > 0) {
      refuse(found, strings.clientErrors);
      return false;
    }
    const before = saved.current;
    const { projectLeaderAadId, ...others } = changedFields(
      payload,
      toPayload(formFrom(before.insats, before.lines), strings).payload,
    );
    // only the kansli names the projektledare; for anyone else the field is not on the form
    const changed =
      mayChooseProjectLeader && projectLeaderAadId !== undefined ? { ...others, projectLeaderAadId } : others;
    const budgetChanged = !sameLines(lines, before.lines);
    if (Object.keys(changed).length === 0 && !budgetChanged) {
      return true;
    }
    try {
      if (Object.keys(changed).length > 0) {
        const answer = await api.send(
          'PATCH',
          `/api/insatser/${encodeURIComponent(id)}`,
          { ...changed, etag: before.insats.etag },
          interventionResponseSchema,
        );
        saved.current = { ...saved.current, insats: answer.insats };
      }
      if (budgetChanged) {
        const answer = await api.send(
          'PUT',
          `/api/insatser/${encodeURIComponent(id)}/budget`,
          { lines },
          budgetAnswerSchema,
        );
        saved.current = { ...saved.current, lines: answer.budgetLines };
      }
      setErrors({});
      refresh();
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        // not refreshed: a fresh eTag would let the next save overwrite the other person's change
        setStale(true);
        setNotice(null);
        return false;
      }
      if (error instanceof ApiError && error.status === 400) {
        const { fields, unplaced } = placeFieldErrors(error, lines);
        refuse(fields, strings.serverErrors, unplaced);
      } else {
        setNotice({ intent: 'error', title: error instanceof Error ? error.message : String(error) });
      }
      // the texts may have been saved before the budget was refused
      refresh();
      return false;
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy('save');
    setRefusal(null);
    try {
      const before = saved.current;
      if (await saveChanges()) {
        const nothing = before === saved.current;
        setNotice({
          intent: nothing ? 'info' : 'success',
          title: nothing ? strings.nothingToSave : strings.saved(timeFormat.format(new Date())),
        });
      }
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    setBusy('submit');
    try {
      if (!(await saveChanges())) {
        return;
      }
      const answer = await api.send(
        'POST',
        `/api/insatser/${encodeURIComponent(id)}/skicka-in`,
        undefined,
        interventionResponseSchema,
      );
      refreshWaiting();
      onSubmitted(answer.insats);
    } catch (error) {
      const reasons = error instanceof ApiError ? error.details.reasons : undefined;
      if (error instanceof ApiError && error.status === 409 && Array.isArray(reasons) && reasons.length > 0) {
        setNotice(null);
        setRefusal(reasons.map(String));
        // the list is what to read next
        requestAnimationFrame(() => refusalRef.current?.focus());
      } else {
        setNotice({ intent: 'error', title: error instanceof Error ? error.message : String(error) });
      }
    } finally {
      setBusy(null);
    }
  };

  const part = { form, errors, change };
  return (
    <div className={styles.layout}>
      <ProgressSteps missing={missing} />
      {stale && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.staleTitle}</MessageBarTitle>
            {strings.stale}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={restart}>{strings.reload}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <form ref={formRef} className={styles.form} noValidate onSubmit={save}>
        <Section section="grund" number={1}>
          <BasicsFields
            {...part}
            isNew={false}
            members={data.members}
            people={people}
            freeLeaderId={data.freeLeaderId}
          />
        </Section>
        <Section section="syfte" number={2}>
          <TextFields {...part} fields={['purpose', 'background']} />
        </Section>
        <Section section="mal" number={3}>
          <TextFields {...part} fields={['goals']} />
          <GoalsFields {...part} />
          <h3 className={styles.subTitle}>{strings.targetGroupTitle}</h3>
          <TextFields {...part} fields={['targetGroup']} />
          <TargetGroupFields {...part} />
        </Section>
        <Section section="genomforande" number={4}>
          <TextFields {...part} fields={['methods', 'staffing', 'anchoring', 'implementationPlan']} />
        </Section>
        <Section section="budget" number={5}>
          <BudgetGrid {...part} />
        </Section>
        <Section section="sokande" number={6}>
          <SignatoriesFields {...part} members={data.members} />
        </Section>
        <div className={styles.sticky}>
          <Button type="submit" appearance="primary" icon={<Save20Regular />} disabled={busy !== null}>
            {busy === 'save' ? strings.saving : strings.saveDraft}
          </Button>
          {notice !== null && (
            <MessageBar intent={notice.intent} layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{notice.title}</MessageBarTitle>
                {notice.lines?.map((line) => (
                  <Text key={line} as="p">
                    {line}
                  </Text>
                ))}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      </form>
      <SubmitSection
        problems={problems}
        refused={refusal !== null}
        refusalRef={refusalRef}
        applicantNames={applicantNames}
        busy={busy !== null}
        onSubmit={() => void submit()}
      />
    </div>
  );
};
