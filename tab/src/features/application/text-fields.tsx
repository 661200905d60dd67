/**
 * The application's free texts under the headings of the förbund's form (Syfte, Bakgrund och
 * behov, …), each with the guide's hint. The personnummer guard's message names the field.
 */
import { Field, Textarea } from '@fluentui/react-components';
import type { ApplicationTextField } from '../../../../src/domain/application/application-headings.ts';
import { useStrings } from '../../i18n/language.tsx';
import { fieldId } from './application-reasons.ts';
import { applicationStrings } from './application-strings.ts';
import { type FormPartProps, validation } from './form-props.ts';

/** the headings a submit cannot do without (Mål is met by the measurable goals) */
const REQUIRED: ReadonlySet<ApplicationTextField> = new Set([
  'purpose',
  'background',
  'targetGroup',
  'methods',
  'staffing',
  'anchoring',
  'implementationPlan',
]);

export const TextFields = ({
  form,
  errors,
  change,
  fields,
}: FormPartProps & { readonly fields: readonly ApplicationTextField[] }) => {
  const strings = useStrings(applicationStrings);
  return (
    <>
      {fields.map((field) => (
        <Field
          key={field}
          label={strings.texts[field].label}
          hint={strings.texts[field].hint}
          required={REQUIRED.has(field)}
          {...validation(errors, field)}
        >
          <Textarea
            id={fieldId(field)}
            value={form.texts[field]}
            resize="vertical"
            rows={4}
            onChange={(_event, data) => change({ texts: { ...form.texts, [field]: data.value } }, field)}
          />
        </Field>
      ))}
    </>
  );
};
