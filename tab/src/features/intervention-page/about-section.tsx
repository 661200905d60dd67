/** "Om insatsen": the application's texts, only those filled in, each under its own heading. */
import { Text } from '@fluentui/react-components';
import { useStrings } from '../../i18n/language.tsx';
import type { Insats } from './detail-schema.ts';
import { interventionPageStrings } from './intervention-page-strings.ts';
import { usePageStyles } from './page-styles.ts';

const TEXT_FIELDS = [
  'purpose',
  'background',
  'goals',
  'targetGroup',
  'methods',
  'staffing',
  'anchoring',
  'implementationPlan',
] as const;

export const AboutSection = ({ insats }: { readonly insats: Insats }) => {
  const styles = usePageStyles();
  const strings = useStrings(interventionPageStrings);
  const filled = TEXT_FIELDS.flatMap((field) => {
    const text = insats[field];
    return text === null || text.trim() === '' ? [] : [{ field, text }];
  });
  return (
    <section className={styles.section} aria-labelledby="om-insatsen">
      <h2 className={styles.sectionTitle} id="om-insatsen">
        {strings.aboutTitle}
      </h2>
      {filled.length === 0 && <Text as="p">{strings.aboutEmpty}</Text>}
      {filled.map(({ field, text }) => (
        <div key={field}>
          <h3 className={styles.textTitle}>{strings.texts[field]}</h3>
          <p className={styles.prose}>{text}</p>
        </div>
      ))}
    </section>
  );
};
