/**
 * Insatser per stage, grouped the way a förbund talks about them (in preparation, decided,
 * running, ended), each stage a link to the list filtered on it and a bar for its share.
 */
import { Link, Text } from '@fluentui/react-components';
import type { Stage } from '../../../../src/domain/vocabulary.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { hrefTo } from '../../shell/router.tsx';
import { overviewStrings } from './overview-strings.ts';
import { useOverviewStyles } from './overview-styles.ts';

type Phase = 'prepare' | 'decided' | 'running' | 'ended';

const PHASES: ReadonlyArray<{ readonly phase: Phase; readonly stages: readonly Stage[] }> = [
  {
    phase: 'prepare',
    stages: ['Idé', 'Ansökan', 'Inkommen', 'Beredning', 'Komplettering', 'Förslag till styrelsen'],
  },
  { phase: 'decided', stages: ['Beviljad', 'Avtal', 'Uppstart'] },
  { phase: 'running', stages: ['Pågående', 'Avslutas'] },
  { phase: 'ended', stages: ['Avslutad', 'Avbruten', 'Återtagen', 'Avslagen'] },
];

export const StagesSection = ({ stages }: { readonly stages: ReadonlyArray<{ stage: Stage; count: number }> }) => {
  const styles = useOverviewStyles();
  const strings = useStrings(overviewStrings);
  const term = useTerm();
  const countOf = new Map(stages.map((entry) => [entry.stage, entry.count]));
  const total = stages.reduce((sum, entry) => sum + entry.count, 0);
  const widest = Math.max(1, ...stages.map((entry) => entry.count));

  return (
    <section className={styles.section} aria-labelledby="skeden">
      <h2 className={styles.sectionTitle} id="skeden">
        {strings.stagesTitle}
      </h2>
      {total === 0 ? (
        <Text as="p">{strings.stagesEmpty}</Text>
      ) : (
        <>
          <Text className={styles.muted}>{strings.insatserCount(total)}</Text>
          {PHASES.map(({ phase, stages: phaseStages }) => {
            const shown = phaseStages.filter((stage) => (countOf.get(stage) ?? 0) > 0);
            if (shown.length === 0) {
              return null;
            }
            return (
              <div key={phase}>
                <h3 className={styles.subTitle}>{strings.phases[phase]}</h3>
                <ul className={styles.list}>
                  {shown.map((stage) => {
                    const count = countOf.get(stage) ?? 0;
                    return (
                      <li key={stage} className={styles.stageRow}>
                        <Link href={hrefTo(`/insatser?skede=${encodeURIComponent(stage)}`)}>{term(stage)}</Link>
                        <span className={styles.barTrack} aria-hidden="true">
                          <span
                            className={styles.bar}
                            style={{ display: 'block', width: `${Math.round((count / widest) * 100)}%` }}
                          />
                        </span>
                        <span className={styles.count}>
                          <span className={styles.muted} style={{ position: 'absolute', left: '-9999px' }}>
                            {strings.insatserCount(count)}
                          </span>
                          <span aria-hidden="true">{count}</span>
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </>
      )}
    </section>
  );
};
