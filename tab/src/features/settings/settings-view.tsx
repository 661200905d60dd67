/**
 * Inställningar (`#/installningar`): the förbund's invoice due day per quarter, the reminder days
 * before it, the escalation day after it, the time reminders go out, and the threshold between a
 * minor and a major budget change — each explained in one sentence. The kansli edits them; the
 * board sees them read-only; anyone else gets the server's refusal. A save sends only what
 * changed, and the server's per-field messages appear under the fields.
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Title1,
} from '@fluentui/react-components';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../../api/api-error.ts';
import { settingsResponseSchema, settingsUpdateResponseSchema } from '../../api/contracts.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useSession } from '../../shell/session.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { DueRuleFields, RemindersFields, type SettingsPartProps } from './settings-fields.tsx';
import { dayMonthOf, formOf, formPathOf, QUARTERS, type SettingsForm, toPatch } from './settings-model.ts';
import { settingsStrings } from './settings-strings.ts';
import { useSettingsStyles } from './settings-styles.ts';

type SettingsAnswer = z.infer<typeof settingsResponseSchema>;

type Notice = { readonly intent: 'success' | 'info' | 'error'; readonly title: string; readonly body?: string };

const Setting = ({
  id,
  title,
  explain,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly explain: string;
  readonly children: ReactNode;
}) => {
  const styles = useSettingsStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 className={styles.sectionTitle} id={id}>
        {title}
      </h2>
      <Text as="p" className={styles.explain}>
        {explain}
      </Text>
      {children}
    </section>
  );
};

function validation(errors: Readonly<Record<string, string>>, path: string) {
  const message = errors[path];
  return message === undefined ? {} : { validationState: 'error' as const, validationMessage: message };
}

const SettingsEditor = ({ initial }: { readonly initial: SettingsAnswer }) => {
  const styles = useSettingsStyles();
  const strings = useStrings(settingsStrings);
  const { api } = useSession();
  const [view, setView] = useState(initial);
  const [form, setForm] = useState<SettingsForm>(() => formOf(initial.installningar));
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const readOnly = !view.mayEdit;
  const defaults = view.defaults;

  useEffect(() => {
    if (refused > 0) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [refused]);

  const change = (patch: Partial<SettingsForm>, ...paths: string[]) => {
    setForm((previous) => ({ ...previous, ...patch }));
    setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([path]) => !paths.includes(path))));
  };
  const part: SettingsPartProps = { form, errors, change, readOnly };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const { body, errors: found, reminderRows } = toPatch(form, view.installningar, strings);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setNotice({ intent: 'error', title: strings.refused });
      setRefused((count) => count + 1);
      return;
    }
    if (Object.keys(body).length === 0) {
      setNotice({ intent: 'info', title: strings.nothingChanged });
      return;
    }
    setBusy(true);
    setNotice(null);
    try {
      const answer = await api.send('PUT', '/api/installningar', body, settingsUpdateResponseSchema);
      const { changed, ...rest } = answer;
      setView(rest);
      setForm(formOf(answer.installningar));
      setErrors({});
      const fieldOfKey = Object.fromEntries(Object.entries(answer.keys).map(([field, key]) => [key, field]));
      const labels = changed.map((key) => strings.labels[fieldOfKey[key] ?? ''] ?? key);
      setNotice({
        intent: 'success',
        title: strings.savedTitle,
        body: labels.length === 0 ? strings.savedNothing : strings.savedChanged(labels),
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const placed: Record<string, string> = {};
        for (const [path, message] of Object.entries(error.fieldErrors)) {
          placed[formPathOf(path, reminderRows)] ??= message;
        }
        setErrors(placed);
        setNotice({ intent: 'error', title: strings.refused });
        setRefused((count) => count + 1);
      } else {
        setNotice({ intent: 'error', title: error instanceof Error ? error.message : String(error) });
      }
    } finally {
      setBusy(false);
    }
  };

  const defaultDue = QUARTERS.map((quarter) => {
    const { day, month } = dayMonthOf(defaults.dueRule[quarter]);
    return strings.dayMonth(Number(day), Number(month));
  }).join(', ');

  return (
    <form ref={formRef} className={styles.form} noValidate onSubmit={save}>
      {readOnly && (
        <MessageBar intent="info">
          <MessageBarBody>{strings.readOnly}</MessageBarBody>
        </MessageBar>
      )}
      {view.problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.problemsTitle}</MessageBarTitle>
            {strings.problemsLead}
            <ul className={styles.problems}>
              {view.problems.map((problem) => (
                <li key={problem.key}>{problem.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Setting id="forfallodag" title={strings.dueTitle} explain={strings.dueExplain}>
        <Text as="p" className={styles.muted}>
          {strings.dueOwnRule} {strings.defaultIs(defaultDue)}
        </Text>
        <DueRuleFields {...part} />
        {errors.dueRule !== undefined && <Text className={styles.errorText}>{errors.dueRule}</Text>}
      </Setting>
      <Setting id="paminnelser" title={strings.remindersTitle} explain={strings.remindersExplain}>
        <Text as="p" className={styles.muted}>
          {strings.defaultIs(strings.workingDays(defaults.reminderOffsets))}
        </Text>
        <RemindersFields {...part} />
      </Setting>
      <Setting id="eskalering" title={strings.escalationTitle} explain={strings.escalationExplain}>
        <Field
          className={styles.single}
          label={strings.escalation}
          hint={strings.defaultIs(String(defaults.escalationOffset))}
          {...validation(errors, 'escalationOffset')}
        >
          <Input
            inputMode="numeric"
            value={form.escalation}
            readOnly={readOnly}
            onChange={(_event, data) => change({ escalation: data.value }, 'escalationOffset')}
          />
        </Field>
      </Setting>
      <Setting id="klockslag" title={strings.sendTimeTitle} explain={strings.sendTimeExplain}>
        <Field
          className={styles.single}
          label={strings.sendTime}
          hint={strings.defaultIs(defaults.sendTime)}
          {...validation(errors, 'sendTime')}
        >
          {/* text, not type="time": that shows "08:00 AM" in an English browser, and the förbund writes 08:00 */}
          <Input
            value={form.sendTime}
            placeholder="08:00"
            autoComplete="off"
            readOnly={readOnly}
            onChange={(_event, data) => change({ sendTime: data.value }, 'sendTime')}
          />
        </Field>
      </Setting>
      <Setting id="grans" title={strings.thresholdTitle} explain={strings.thresholdExplain}>
        <Field
          className={styles.single}
          label={strings.threshold}
          hint={strings.defaultIs(strings.percent(defaults.changeThresholdPercent))}
          {...validation(errors, 'changeThresholdPercent')}
        >
          <Input
            inputMode="decimal"
            value={form.threshold}
            readOnly={readOnly}
            contentAfter={<span aria-hidden="true">%</span>}
            onChange={(_event, data) => change({ threshold: data.value }, 'changeThresholdPercent')}
          />
        </Field>
      </Setting>
      {/* the outcome of a save is announced where the person is: next to the button */}
      <div role="status">
        {notice !== null && (
          <MessageBar intent={notice.intent}>
            <MessageBarBody>
              <MessageBarTitle>{notice.title}</MessageBarTitle>
              {notice.body}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {!readOnly && (
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={busy}>
            {busy ? strings.saving : strings.save}
          </Button>
        </div>
      )}
    </form>
  );
};

export const SettingsView = () => {
  const styles = useSettingsStyles();
  const strings = useStrings(settingsStrings);
  const settings = useResource('/api/installningar', settingsResponseSchema);
  return (
    <>
      <Title1 as="h1">{strings.title}</Title1>
      <Text as="p" className={styles.lead}>
        {strings.lead}
      </Text>
      {settings.loading && settings.data === undefined && <Spinner label={strings.loading} />}
      {settings.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{settings.error.message}</MessageBarBody>
        </MessageBar>
      )}
      {settings.data !== undefined && <SettingsEditor initial={settings.data} />}
    </>
  );
};
