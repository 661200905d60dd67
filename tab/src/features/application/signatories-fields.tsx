/**
 * Undertecknare och kriterier: who signs for each organisation behind the application, and the
 * förbund's four criteria (seed 003 §2.1), confirmed one by one, with how the idea starts from
 * the individual's perspective.
 */
import { Checkbox, Field, Input, Text, Textarea } from '@fluentui/react-components';
import { useStrings } from '../../i18n/language.tsx';
import { applicantsOf, type CriteriaForm } from './application-model.ts';
import { fieldId } from './application-reasons.ts';
import { applicationStrings } from './application-strings.ts';
import { useApplicationStyles } from './application-styles.ts';
import type { Member } from './application-types.ts';
import { type FormPartProps, validation } from './form-props.ts';

const CRITERIA = ['applicantHasMandate', 'twoMembersSign', 'ownerAmongApplicants', 'individualPerspective'] as const;

export const SignatoriesFields = ({
  form,
  errors,
  change,
  members,
}: FormPartProps & { readonly members: readonly Member[] }) => {
  const styles = useApplicationStyles();
  const strings = useStrings(applicationStrings);
  const applicants = applicantsOf(form);
  const nameOf = (id: string) => members.find((member) => member.id === id)?.name ?? id;
  const setCriterion = (patch: Partial<CriteriaForm>, path: string) =>
    change({ criteria: { ...form.criteria, ...patch } }, path);
  return (
    <>
      <h3 className={styles.subTitle}>{strings.signatoriesTitle}</h3>
      <Text as="p" className={styles.muted}>
        {applicants.length === 0 ? strings.signatoriesNeedOrgs : strings.signatoriesLead}
      </Text>
      {applicants.map((orgId, index) => {
        const signatory = form.signatories[orgId] ?? { name: '', title: '' };
        const at = `applicationDetails.signatories.${index}`;
        const set = (patch: Partial<typeof signatory>, field: 'name' | 'title') =>
          change({ signatories: { ...form.signatories, [orgId]: { ...signatory, ...patch } } }, `${at}.${field}`);
        return (
          <fieldset key={orgId} className={styles.fieldset}>
            <legend className={styles.legend}>{nameOf(orgId)}</legend>
            <div className={styles.pair}>
              <Field label={strings.signatoryName} {...validation(errors, `${at}.name`)}>
                <Input
                  id={fieldId(`${at}.name`)}
                  value={signatory.name}
                  autoComplete="name"
                  onChange={(_event, data) => set({ name: data.value }, 'name')}
                />
              </Field>
              <Field label={strings.signatoryTitle} {...validation(errors, `${at}.title`)}>
                <Input
                  id={fieldId(`${at}.title`)}
                  value={signatory.title}
                  autoComplete="organization-title"
                  onChange={(_event, data) => set({ title: data.value }, 'title')}
                />
              </Field>
            </div>
          </fieldset>
        );
      })}
      <h3 className={styles.subTitle}>{strings.criteriaTitle}</h3>
      <Text as="p" className={styles.muted}>
        {strings.criteriaLead}
      </Text>
      <div className={styles.fieldset}>
        {CRITERIA.map((key, index) => {
          const path = `applicationDetails.criteria.${key}`;
          return (
            <Checkbox
              key={key}
              id={fieldId(path)}
              checked={form.criteria[key]}
              label={`${index + 1}. ${strings.criteria[key]}`}
              onChange={(_event, data) => setCriterion({ [key]: data.checked === true }, path)}
            />
          );
        })}
      </div>
      <Field
        label={strings.statement}
        hint={strings.statementHint}
        {...validation(errors, 'applicationDetails.criteria.individualPerspectiveStatement')}
      >
        <Textarea
          id={fieldId('applicationDetails.criteria.individualPerspectiveStatement')}
          value={form.criteria.individualPerspectiveStatement}
          resize="vertical"
          onChange={(_event, data) =>
            setCriterion(
              { individualPerspectiveStatement: data.value },
              'applicationDetails.criteria.individualPerspectiveStatement',
            )
          }
        />
      </Field>
    </>
  );
};
