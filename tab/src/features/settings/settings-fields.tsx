/**
 * The settings' inputs: the due day per quarter (day and month), the reminder days as a list to
 * edit, and the single values. Each shows the server's message for its field underneath.
 */
import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { Add16Regular, Delete16Regular } from '@fluentui/react-icons';
import { useStrings } from '../../i18n/language.tsx';
import { QUARTERS, type SettingsForm } from './settings-model.ts';
import { settingsStrings } from './settings-strings.ts';
import { useSettingsStyles } from './settings-styles.ts';

/** at most this many reminder days (src/domain/settings/kansli-settings.ts MAX_REMINDER_DAYS; the server checks) */
const MAX_REMINDERS = 10;

export type SettingsPartProps = {
  readonly form: SettingsForm;
  readonly errors: Readonly<Record<string, string>>;
  readonly change: (patch: Partial<SettingsForm>, ...paths: string[]) => void;
  readonly readOnly: boolean;
};

function validation(errors: Readonly<Record<string, string>>, path: string) {
  const message = errors[path];
  return message === undefined ? {} : { validationState: 'error' as const, validationMessage: message };
}

const DAYS = Array.from({ length: 31 }, (_value, index) => String(index + 1));

export const DueRuleFields = ({ form, errors, change, readOnly }: SettingsPartProps) => {
  const styles = useSettingsStyles();
  const strings = useStrings(settingsStrings);
  return (
    <div className={styles.quarters}>
      {QUARTERS.map((quarter, index) => {
        const value = form.due[quarter];
        const path = `dueRule.${quarter}`;
        const set = (patch: Partial<typeof value>) =>
          change({ due: { ...form.due, [quarter]: { ...value, ...patch } } }, path, 'dueRule');
        return (
          <fieldset key={quarter} className={styles.fieldset}>
            <legend className={styles.legend}>{strings.quarter(index + 1)}</legend>
            <div className={styles.pair}>
              <Field label={strings.day} {...validation(errors, path)}>
                <Select
                  id={`s-${path}`}
                  value={value.day}
                  disabled={readOnly}
                  onChange={(_event, data) => set({ day: data.value })}
                >
                  {DAYS.map((day) => (
                    <option key={day} value={day}>
                      {day}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={strings.month}>
                <Select value={value.month} disabled={readOnly} onChange={(_event, data) => set({ month: data.value })}>
                  {strings.months.map((name, month) => (
                    <option key={name} value={String(month + 1)}>
                      {name}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          </fieldset>
        );
      })}
    </div>
  );
};

export const RemindersFields = ({ form, errors, change, readOnly }: SettingsPartProps) => {
  const styles = useSettingsStyles();
  const strings = useStrings(settingsStrings);
  const setRow = (row: number, text: string) =>
    change({ reminders: form.reminders.map((value, at) => (at === row ? text : value)) }, `reminderOffsets.${row}`);
  const remove = (row: number) => {
    change({ reminders: form.reminders.filter((_value, at) => at !== row) }, 'reminderOffsets');
    // focus stays in the list: on the row that took its place, or on "Lägg till"
    requestAnimationFrame(() =>
      (
        document.getElementById(`s-reminderOffsets.${Math.max(0, row - 1)}`) ??
        document.getElementById('s-add-reminder')
      )?.focus(),
    );
  };
  const add = () => {
    change({ reminders: [...form.reminders, ''] }, 'reminderOffsets');
    const row = form.reminders.length;
    requestAnimationFrame(() => document.getElementById(`s-reminderOffsets.${row}`)?.focus());
  };
  return (
    <>
      {form.reminders.length === 0 && <Text as="p">{strings.noReminders}</Text>}
      <ol className={styles.reminders}>
        {form.reminders.map((value, row) => (
          // rows have no identity beyond their place; the server names them by place too
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={row} className={styles.reminder}>
            <Field label={strings.reminder(row + 1)} {...validation(errors, `reminderOffsets.${row}`)}>
              <Input
                id={`s-reminderOffsets.${row}`}
                inputMode="numeric"
                value={value}
                readOnly={readOnly}
                onChange={(_event, data) => setRow(row, data.value)}
              />
            </Field>
            {!readOnly && (
              <Button
                className={styles.removeButton}
                appearance="subtle"
                icon={<Delete16Regular />}
                aria-label={strings.removeReminder(row + 1)}
                title={strings.removeReminder(row + 1)}
                onClick={() => remove(row)}
              />
            )}
          </li>
        ))}
      </ol>
      {errors.reminderOffsets !== undefined && (
        <Text id="s-reminderOffsets" className={styles.errorText} role="alert">
          {errors.reminderOffsets}
        </Text>
      )}
      {!readOnly && (
        <div>
          <Button
            id="s-add-reminder"
            icon={<Add16Regular />}
            disabled={form.reminders.length >= MAX_REMINDERS}
            onClick={add}
          >
            {strings.addReminder}
          </Button>
        </div>
      )}
    </>
  );
};
