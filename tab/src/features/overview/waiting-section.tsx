/**
 * "Väntar på dig": the approvals awaiting my vote and the requisitions awaiting my step, the
 * soonest first, each a link to where I act on it.
 */
import { Link, Spinner, Text } from '@fluentui/react-components';
import { approvalListSchema, requisitionInboxSchema } from '../../api/contracts.ts';
import { useStrings } from '../../i18n/language.tsx';
import { hrefTo } from '../../shell/router.tsx';
import { useSession } from '../../shell/session.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { overviewStrings } from './overview-strings.ts';
import { useOverviewStyles } from './overview-styles.ts';

/** how many of each to list before "Visa alla" */
const SHOWN = 4;

export const WaitingSection = () => {
  const styles = useOverviewStyles();
  const strings = useStrings(overviewStrings);
  const { waitingVersion } = useSession();
  // loaded again when something was handled elsewhere in the tab
  const approvals = useResource('/api/beslut', approvalListSchema, waitingVersion);
  const requisitions = useResource('/api/rekvisitioner', requisitionInboxSchema, waitingVersion);

  const myApprovals = (approvals.data?.items ?? [])
    .filter((item) => item.viewer.awaited)
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  const myRequisitions = (requisitions.data?.items ?? [])
    .filter((item) => item.viewerActions.length > 0)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const loading = approvals.loading || requisitions.loading;

  return (
    <section className={styles.section} aria-labelledby="vantar">
      <h2 className={styles.sectionTitle} id="vantar">
        {strings.waitingTitle}
      </h2>
      {loading && approvals.data === undefined && <Spinner size="small" label={strings.loading} />}
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
