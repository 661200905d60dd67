/**
 * "Väntar på dig": the approvals awaiting my vote and the requisitions awaiting my step, the
 * soonest first, each a link to where I act on it.
 */
import { Link, Spinner, Text } from '@fluentui/react-components';
import { useStrings } from '../../i18n/language.tsx';
import { hrefTo } from '../../shell/router.tsx';
import { useWaitingItems } from '../../shell/use-waiting.ts';
import { overviewStrings } from './overview-strings.ts';
import { useOverviewStyles } from './overview-styles.ts';

/** how many of each to list before "Visa alla" */
const SHOWN = 4;

export const WaitingSection = () => {
  const styles = useOverviewStyles();
  const strings = useStrings(overviewStrings);
  // the shell's list (it counts the menu's badges from it): no second request
  const waiting = useWaitingItems();
  const myApprovals = waiting?.approvals ?? [];
  const myRequisitions = waiting?.requisitions ?? [];
  const loading = waiting === undefined;

  return (
    <section className={styles.section} aria-labelledby="vantar">
      <h2 className={styles.sectionTitle} id="vantar">
        {strings.waitingTitle}
      </h2>
      {loading && <Spinner size="small" label={strings.loading} />}
      {!loading && myApprovals.length === 0 && myRequisitions.length === 0 && (
        <Text as="p">{strings.nothingWaiting}</Text>
      )}
      {myApprovals.length > 0 && (
        <>
          <h3 className={styles.subTitle}>{strings.approvalsWaiting(myApprovals.length)}</h3>
          <ul className={styles.list}>
            {myApprovals.slice(0, SHOWN).map((item) => (
              <li key={item.approvalId} className={styles.item}>
                <Link href={hrefTo(`/beslut/${item.approvalId}`)}>{item.title}</Link>
                {item.dueDate !== null && <span className={styles.muted}>{strings.answerBy(item.dueDate)}</span>}
              </li>
            ))}
          </ul>
          {myApprovals.length > SHOWN && <Link href={hrefTo('/beslut')}>{strings.showAll}</Link>}
        </>
      )}
      {myRequisitions.length > 0 && (
        <>
          <h3 className={styles.subTitle}>{strings.requisitionsWaiting(myRequisitions.length)}</h3>
          <ul className={styles.list}>
            {myRequisitions.slice(0, SHOWN).map((item) => (
              <li key={item.periodKey} className={styles.item}>
                <Link href={hrefTo(`/rekvisitioner/${encodeURIComponent(item.periodKey)}`)}>
                  {item.code} · {item.periodText}
                </Link>
                <span className={styles.muted}>{strings.dueBy(item.dueDate)}</span>
              </li>
            ))}
          </ul>
          {myRequisitions.length > SHOWN && <Link href={hrefTo('/rekvisitioner')}>{strings.showAll}</Link>}
        </>
      )}
    </section>
  );
};
