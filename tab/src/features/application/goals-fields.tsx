/**
 * Mål och målgrupp: the measurable (SMART) goals — insatsmål and nyttomål, each with an
 * indicator, target values for women and for men and a date (seed 003 §3.3) — and the målgrupp's
 * criteria and estimated size. Counts only: the förbund keeps no data about participants.
 */
import { Button, Field, Input, Text, Textarea } from '@fluentui/react-components';
import { Add16Regular, Delete16Regular } from '@fluentui/react-icons';
import { GOAL_KINDS, type GoalKind } from '../../../../src/domain/application/application-details.ts';
import { useStrings } from '../../i18n/language.tsx';
import type { GoalForm } from './application-model.ts';
import { fieldId } from './application-reasons.ts';
import { applicationStrings } from './application-strings.ts';
import { useApplicationStyles } from './application-styles.ts';
import { type FormPartProps, validation } from './form-props.ts';

const MAX_GOALS = 50;

const GoalFields = ({
  goal,
  index,
  errors,
  update,
  remove,
}: {
  readonly goal: GoalForm;
  readonly index: number;
  readonly errors: FormPartProps['errors'];
  readonly update: (patch: Partial<GoalForm>, field: keyof GoalForm) => void;
  readonly remove: () => void;
}) => {
  const styles = useApplicationStyles();
  const strings = useStrings(applicationStrings);
  const path = (field: keyof GoalForm) => `applicationDetails.goals.${index}.${field}`;
  const headingId = `mal-${index}`;
  return (
    <section className={styles.goal} aria-labelledby={headingId}>
      <div className={styles.goalHead}>
        <h4 className={styles.subTitle} id={headingId}>
          {strings.goalHeading(index + 1, goal.kind)}
        </h4>
        <Button size="small" appearance="subtle" icon={<Delete16Regular />} onClick={remove}>
          {strings.removeGoal(index + 1)}
        </Button>
      </div>
      <Field label={strings.goalText} hint={strings.goalTextHint} {...validation(errors, path('text'))}>
        <Textarea
          id={fieldId(path('text'))}
          value={goal.text}
          resize="vertical"
          onChange={(_event, data) => update({ text: data.value }, 'text')}
        />
      </Field>
      <Field label={strings.goalIndicator} hint={strings.goalIndicatorHint} {...validation(errors, path('indicator'))}>
        <Input
          id={fieldId(path('indicator'))}
          value={goal.indicator}
          onChange={(_event, data) => update({ indicator: data.value }, 'indicator')}
        />
      </Field>
      <div className={styles.pair}>
        <Field label={strings.targetWomen} hint={strings.targetHint} {...validation(errors, path('targetWomen'))}>
          <Input
            id={fieldId(path('targetWomen'))}
            inputMode="decimal"
            value={goal.targetWomen}
            onChange={(_event, data) => update({ targetWomen: data.value }, 'targetWomen')}
          />
        </Field>
        <Field label={strings.targetMen} hint={strings.targetHint} {...validation(errors, path('targetMen'))}>
          <Input
            id={fieldId(path('targetMen'))}
            inputMode="decimal"
            value={goal.targetMen}
            onChange={(_event, data) => update({ targetMen: data.value }, 'targetMen')}
          />
        </Field>
        <Field label={strings.goalDate} {...validation(errors, path('date'))}>
          <Input
            id={fieldId(path('date'))}
            type="date"
            value={goal.date}
            onChange={(_event, data) => update({ date: data.value }, 'date')}
          />
        </Field>
      </div>
    </section>
  );
};

export const GoalsFields = ({ form, errors, change }: FormPartProps) => {
  const styles = useApplicationStyles();
  const strings = useStrings(applicationStrings);
  const add = (kind: GoalKind) => {
    change({ goals: [...form.goals, { kind, text: '', indicator: '', targetWomen: '', targetMen: '', date: '' }] });
    // the new goal's first field, once it is drawn
    const index = form.goals.length;
    requestAnimationFrame(() => document.getElementById(fieldId(`applicationDetails.goals.${index}.text`))?.focus());
  };
  return (
    <>
      <h3 className={styles.subTitle}>{strings.smartTitle}</h3>
      <Text as="p" className={styles.muted}>
        {strings.smartLead}
      </Text>
      {form.goals.length === 0 && <Text as="p">{strings.noGoals}</Text>}
      {form.goals.map((goal, index) => (
        <GoalFields
          // goals have no id of their own; the position is what the server names them by too
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={index}
          goal={goal}
          index={index}
          errors={errors}
          update={(patch, field) =>
            change(
              { goals: form.goals.map((candidate, at) => (at === index ? { ...candidate, ...patch } : candidate)) },
              `applicationDetails.goals.${index}.${field}`,
            )
          }
          remove={() => {
            change({ goals: form.goals.filter((_goal, at) => at !== index) });
            document.getElementById(fieldId('add.Insatsmål'))?.focus();
          }}
        />
      ))}
      <div className={styles.actions}>
        {GOAL_KINDS.map((kind) => (
          <Button
            key={kind}
            id={fieldId(`add.${kind}`)}
            icon={<Add16Regular />}
            disabled={form.goals.length >= MAX_GOALS}
            onClick={() => add(kind)}
          >
            {strings.addGoal(kind)}
          </Button>
        ))}
      </div>
    </>
  );
};

/** the målgrupp's criteria and estimated size, under the Målgrupp text */
export const TargetGroupFields = ({ form, errors, change }: FormPartProps) => {
  const strings = useStrings(applicationStrings);
  return (
    <>
      <Field
        label={strings.targetCriteria}
        hint={strings.targetCriteriaHint}
        {...validation(errors, 'applicationDetails.targetGroup.criteria')}
      >
        <Textarea
          id={fieldId('applicationDetails.targetGroup.criteria')}
          value={form.targetCriteria}
          resize="vertical"
          onChange={(_event, data) => change({ targetCriteria: data.value }, 'applicationDetails.targetGroup.criteria')}
        />
      </Field>
      <Field
        label={strings.estimatedCount}
        hint={strings.estimatedCountHint}
        {...validation(errors, 'applicationDetails.targetGroup.estimatedCount')}
      >
        <Input
          id={fieldId('applicationDetails.targetGroup.estimatedCount')}
          inputMode="numeric"
          value={form.estimatedCount}
          onChange={(_event, data) =>
            change({ estimatedCount: data.value }, 'applicationDetails.targetGroup.estimatedCount')
          }
        />
      </Field>
    </>
  );
};
