/**
 * The application's parts as numbered steps, each saying whether anything is still missing in it
 * (from the server's list of what a submit lacks) and leading to its heading. Before the first
 * save only step 1 exists; the rest open once there is a draft to keep them in.
 */
import { Link, mergeClasses, Text } from '@fluentui/react-components';
import { useStrings } from '../../i18n/language.tsx';
import { focusPath, SECTION_KEYS, type SectionKey } from './application-reasons.ts';
import { applicationStrings } from './application-strings.ts';
import { useApplicationStyles } from './application-styles.ts';

type StepsProps = {
  /** what is missing per part; null before the draft is saved */
  readonly missing: Readonly<Record<SectionKey, number>> | null;
};

export const ProgressSteps = ({ missing }: StepsProps) => {
  const styles = useApplicationStyles();
  const strings = useStrings(applicationStrings);
  const total = missing === null ? 0 : Object.values(missing).reduce((sum, count) => sum + count, 0);
  const status = (section: SectionKey): { text: string | null; done: boolean } => {
    if (missing === null) {
      // before the first save only step 1 is open; the note under the list says why
      return { text: section === 'grund' ? strings.stepCurrent : null, done: false };
    }
    const count = section === 'skicka' ? total : missing[section];
    return count === 0 ? { text: strings.stepDone, done: true } : { text: strings.stepMissing(count), done: false };
  };
  return (
    <nav aria-label={strings.steps}>
      <ol className={styles.steps}>
        {SECTION_KEYS.map((section, index) => {
          const { text, done } = status(section);
          const open = missing !== null || section === 'grund';
          return (
            <li
              key={section}
              className={styles.step}
              aria-current={missing === null && index === 0 ? 'step' : undefined}
            >
              <span className={mergeClasses(styles.stepNumber, done && styles.stepDone)} aria-hidden="true">
                {done ? '✓' : index + 1}
              </span>
              <span className={styles.stepText}>
                {open ? (
                  <Link as="button" type="button" onClick={() => focusPath(null, section)}>
                    {strings.sections[section]}
                  </Link>
                ) : (
                  <Text className={styles.muted}>{strings.sections[section]}</Text>
                )}
                {text !== null && <Text className={styles.stepStatus}>{text}</Text>}
              </span>
            </li>
          );
        })}
      </ol>
      {missing === null && (
        <Text as="p" size={200} className={styles.muted}>
          {strings.stepLater}
        </Text>
      )}
    </nav>
  );
};
