/**
 * "Skeden": the lifecycle as an ordered list, passed stages with the day they were reached, the
 * current one marked (aria-current="step") and those to come. Side by side on a wide window, one
 * under the other on a phone. The state is said in words as well as by colour and icon.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, Circle16Regular, Record16Filled } from '@fluentui/react-icons';
import type { Stage } from '../../../../src/domain/vocabulary.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { formatDate } from '../../ui/format.ts';
import type { StageChange } from './detail-schema.ts';
import { interventionPageStrings } from './intervention-page-strings.ts';
import { type TimelineStep, timelineOf } from './timeline.ts';

const NARROW = '@media (max-width: 640px)';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(6.5rem, 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXS}`,
    [NARROW]: { gridTemplateColumns: '1fr', gap: 0 },
  },
  step: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlockStart: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThickest} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    overflowWrap: 'break-word',
    [NARROW]: {
      borderTopStyle: 'none',
      borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorNeutralStroke2}`,
      paddingBlock: tokens.spacingVerticalXS,
      paddingInlineStart: tokens.spacingHorizontalM,
      flexDirection: 'row',
      flexWrap: 'wrap',
      alignItems: 'baseline',
      columnGap: tokens.spacingHorizontalS,
    },
  },
  done: {
    borderTopColor: tokens.colorBrandStroke1,
    [NARROW]: { borderLeftColor: tokens.colorBrandStroke1 },
  },
  current: {
    borderTopColor: tokens.colorBrandStroke1,
    [NARROW]: { borderLeftColor: tokens.colorBrandStroke1, backgroundColor: tokens.colorBrandBackground2 },
  },
  // a long stage name (Komplettering) wraps inside its column instead of running into the next
  name: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minWidth: 0,
    overflowWrap: 'anywhere',
    hyphens: 'auto',
  },
  currentName: { fontWeight: tokens.fontWeightBold },
  icon: { flexShrink: 0 },
  doneIcon: { color: tokens.colorBrandForeground1 },
  currentIcon: { color: tokens.colorBrandForeground1 },
  upcomingIcon: { color: tokens.colorNeutralForeground3 },
  state: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const StepView = ({ step }: { readonly step: TimelineStep }) => {
  const styles = useStyles();
  const strings = useStrings(interventionPageStrings);
  const term = useTerm();
  const date = step.at === null ? null : formatDate(step.at);
  const stateText =
    step.state === 'passed'
      ? date === null
        ? strings.passed
        : strings.passedOn(date)
      : step.state === 'current'
        ? date === null
          ? strings.current
          : strings.currentSince(date)
        : strings.upcoming;
  const Icon =
    step.state === 'passed' ? CheckmarkCircle16Filled : step.state === 'current' ? Record16Filled : Circle16Regular;
  const iconTone =
    step.state === 'passed' ? styles.doneIcon : step.state === 'current' ? styles.currentIcon : styles.upcomingIcon;
  return (
    <li
      className={mergeClasses(
        styles.step,
        step.state === 'passed' ? styles.done : undefined,
        step.state === 'current' ? styles.current : undefined,
      )}
      aria-current={step.state === 'current' ? 'step' : undefined}
    >
      <span className={mergeClasses(styles.name, step.state === 'current' ? styles.currentName : undefined)}>
        <Icon className={mergeClasses(styles.icon, iconTone)} aria-hidden="true" />
        {term(step.stage)}
      </span>
      <span className={styles.state}>{stateText}</span>
    </li>
  );
};

export const StageTimeline = ({
  stage,
  history,
}: {
  readonly stage: Stage;
  readonly history: readonly StageChange[];
}) => {
  const styles = useStyles();
  const strings = useStrings(interventionPageStrings);
  return (
    <ol className={styles.list} aria-label={strings.timelineLabel}>
      {timelineOf(stage, history).map((step) => (
        <StepView key={step.stage} step={step} />
      ))}
    </ol>
  );
};
