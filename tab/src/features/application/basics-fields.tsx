/**
 * Step 1, Grunduppgifter: name, code, kind, the owner and partner organisations, the period, and
 * (for the kansli) the projektledare. The same fields start a new draft and edit a saved one; the
 * code can only be chosen before the first save (the API does not change it).
 */
import { Checkbox, Field, Input, Radio, RadioGroup, Select, Text } from '@fluentui/react-components';
import { INTERVENTION_KINDS, type InterventionKind } from '../../../../src/domain/vocabulary.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { fieldId } from './application-reasons.ts';
import { applicationStrings } from './application-strings.ts';
import { useApplicationStyles } from './application-styles.ts';
import type { Member } from './application-types.ts';
import { type FormPartProps, validation } from './form-props.ts';

export type PersonOption = { readonly aadObjectId: string; readonly name: string };

type BasicsProps = FormPartProps & {
  readonly isNew: boolean;
  readonly members: readonly Member[];
  /** null: this person may not choose a projektledare; [] with `freeLeaderId`: type an id */
  readonly people: readonly PersonOption[] | null;
  readonly freeLeaderId: boolean;
};

const PartnersFieldset = ({
  form,
  errors,
  change,
  members,
}: FormPartProps & { readonly members: readonly Member[] }) => {
  const styles = useApplicationStyles();
  const strings = useStrings(applicationStrings);
  // inactive members stay listed only where already chosen, so nothing chosen disappears silently
  const choices = members.filter(
    (member) => member.id !== form.ownerOrgId && (member.active || form.partnerOrgIds.includes(member.id)),
  );
  const error = errors.partnerOrgIds;
  const hintId = `${fieldId('partnerOrgIds')}-hint`;
  const errorId = `${fieldId('partnerOrgIds')}-error`;
  return (
    <fieldset className={styles.fieldset} aria-describedby={error === undefined ? hintId : `${hintId} ${errorId}`}>
      <legend className={styles.legend}>{strings.partners}</legend>
      <Text id={hintId} size={200} className={styles.muted}>
        {strings.partnersHint}
      </Text>
      <div className={styles.checkList}>
        {choices.map((member, index) => (
          <Checkbox
            key={member.id}
            // only the first carries the list's id (what an error or a missing-line leads to)
            {...(index === 0 ? { id: fieldId('partnerOrgIds') } : {})}
            label={member.name}
            checked={form.partnerOrgIds.includes(member.id)}
            aria-invalid={index === 0 && error !== undefined ? true : undefined}
            onChange={(_event, data) =>
              change(
                {
                  partnerOrgIds: data.checked
                    ? [...form.partnerOrgIds, member.id]
                    : form.partnerOrgIds.filter((id) => id !== member.id),
                },
                'partnerOrgIds',
              )
            }
          />
        ))}
      </div>
      {error !== undefined && (
        <Text id={errorId} size={200} className={styles.errorText}>
          {error}
        </Text>
      )}
    </fieldset>
  );
};

const ProjectLeaderField = ({
  form,
  errors,
  change,
  people,
  freeLeaderId,
}: FormPartProps & { readonly people: readonly PersonOption[]; readonly freeLeaderId: boolean }) => {
  const strings = useStrings(applicationStrings);
  if (freeLeaderId) {
    return (
      <Field
        label={strings.projectLeaderId}
        hint={strings.projectLeaderIdHint}
        {...validation(errors, 'projectLeaderAadId')}
      >
        <Input
          id={fieldId('projectLeaderAadId')}
          value={form.projectLeaderAadId}
          onChange={(_event, data) => change({ projectLeaderAadId: data.value }, 'projectLeaderAadId')}
        />
      </Field>
    );
  }
  const known = people.some((person) => person.aadObjectId === form.projectLeaderAadId);
  return (
    <Field label={strings.projectLeader} hint={strings.projectLeaderHint} {...validation(errors, 'projectLeaderAadId')}>
      <Select
        id={fieldId('projectLeaderAadId')}
        value={form.projectLeaderAadId}
        onChange={(_event, data) => change({ projectLeaderAadId: data.value }, 'projectLeaderAadId')}
      >
        <option value="">{strings.projectLeaderNone}</option>
        {!known && form.projectLeaderAadId !== '' && (
          <option value={form.projectLeaderAadId}>{form.projectLeaderAadId}</option>
        )}
        {people.map((person) => (
          <option key={person.aadObjectId} value={person.aadObjectId}>
            {person.name}
          </option>
        ))}
      </Select>
    </Field>
  );
};

export const BasicsFields = (props: BasicsProps) => {
  const { form, errors, change, isNew, members, people, freeLeaderId } = props;
  const styles = useApplicationStyles();
  const strings = useStrings(applicationStrings);
  const term = useTerm();
  const owners = members.filter((member) => member.active || member.id === form.ownerOrgId);
  return (
    <>
      <Field label={strings.title} hint={strings.titleHint} required {...validation(errors, 'title')}>
        <Input
          id={fieldId('title')}
          value={form.title}
          maxLength={255}
          onChange={(_event, data) => change({ title: data.value }, 'title')}
        />
      </Field>
      <Field
        label={strings.code}
        hint={isNew ? strings.codeHint : strings.codeFixed}
        required={isNew}
        {...validation(errors, 'code')}
      >
        <Input
          id={fieldId('code')}
          value={form.code}
          readOnly={!isNew}
          maxLength={12}
          autoComplete="off"
          // codes are capitals: "nova" is taken as NOVA rather than refused
          onChange={(_event, data) => change({ code: data.value.toUpperCase().replace(/\s/g, '') }, 'code')}
        />
      </Field>
      <Field label={strings.kind} {...validation(errors, 'kind')}>
        <RadioGroup
          value={form.kind ?? ''}
          onChange={(_event, data) => change({ kind: data.value as InterventionKind }, 'kind')}
        >
          {INTERVENTION_KINDS.map((kind, index) => (
            <Radio
              key={kind}
              {...(index === 0 ? { id: fieldId('kind') } : {})}
              value={kind}
              label={`${term(kind)} – ${strings.kindHints[kind] ?? ''}`}
            />
          ))}
        </RadioGroup>
      </Field>
      <Field label={strings.owner} hint={strings.ownerHint} {...validation(errors, 'ownerOrgId')}>
        <Select
          id={fieldId('ownerOrgId')}
          value={form.ownerOrgId ?? ''}
          onChange={(_event, data) =>
            change(
              {
                ownerOrgId: data.value === '' ? null : data.value,
                // the owner is an applicant already; it is not also a partner
                partnerOrgIds: form.partnerOrgIds.filter((id) => id !== data.value),
              },
              'ownerOrgId',
            )
          }
        >
          <option value="">{strings.ownerNone}</option>
          {owners.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </Select>
      </Field>
      <PartnersFieldset {...props} members={members} />
      {people !== null && <ProjectLeaderField {...props} people={people} freeLeaderId={freeLeaderId} />}
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{strings.period}</legend>
        <Text size={200} className={styles.muted}>
          {strings.periodHint}
        </Text>
        <div className={styles.pair}>
          <Field label={strings.startDate} {...validation(errors, 'startDate')}>
            <Input
              id={fieldId('startDate')}
              type="date"
              value={form.startDate}
              onChange={(_event, data) => change({ startDate: data.value }, 'startDate', 'endDate')}
            />
          </Field>
          <Field label={strings.endDate} {...validation(errors, 'endDate')}>
            <Input
              id={fieldId('endDate')}
              type="date"
              value={form.endDate}
              min={form.startDate === '' ? undefined : form.startDate}
              onChange={(_event, data) => change({ endDate: data.value }, 'endDate')}
            />
          </Field>
        </div>
      </fieldset>
    </>
  );
};
