/**
 * Beslut (`#/beslut`): first what waits for my vote (soonest due first, as the server sorts it),
 * then the other matters the server lists for me (those I asked for), and for the board and the
 * kansli the förbundschef's delegationsbeslut. Reloads when something was voted elsewhere in the
 * tab (the session's waitingVersion).
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, Title1 } from '@fluentui/react-components';
import { approvalListSchema } from '../../api/contracts.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useSession } from '../../shell/session.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { ApprovalItem } from './approval-item.tsx';
import { approvalsStrings } from './approvals-strings.ts';
import { useInboxStyles } from './inbox-styles.ts';

const DelegationSection = () => {
  const styles = useInboxStyles();
  const strings = useStrings(approvalsStrings);
  const decisions = useResource('/api/delegationsbeslut', approvalListSchema);
  return (
    <section className={styles.section} aria-labelledby="delegationsbeslut">
      <h2 className={styles.sectionTitle} id="delegationsbeslut">
        {strings.delegationTitle}
      </h2>
      <Text as="p" className={styles.muted} block>
        {strings.delegationLead}
      </Text>
      {decisions.loading && decisions.data === undefined && <Spinner size="small" label={strings.loading} />}
      {decisions.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{decisions.error.message}</MessageBarBody>
        </MessageBar>
      )}
      {decisions.data?.items.length === 0 && <Text as="p">{strings.delegationNone}</Text>}
      {decisions.data !== undefined && decisions.data.items.length > 0 && (
        <ul className={styles.list}>
          {decisions.data.items.map((view) => (
            <ApprovalItem key={view.approvalId} view={view} />
          ))}
        </ul>
      )}
    </section>
  );
};

export const ApprovalInbox = () => {
  const styles = useInboxStyles();
  const strings = useStrings(approvalsStrings);
  const { me, waitingVersion } = useSession();
  const approvals = useResource('/api/beslut', approvalListSchema, waitingVersion);
  const items = approvals.data?.items ?? [];
  const awaiting = items.filter((item) => item.viewer.awaited);
  const others = items.filter((item) => !item.viewer.awaited);
  const empty = approvals.data !== undefined && items.length === 0;

  return (
    <>
      <Title1 as="h1">{strings.title}</Title1>
      <Text className={styles.lead} as="p" block>
        {strings.lead}
      </Text>
      <div className={styles.stack}>
        {approvals.loading && approvals.data === undefined && <Spinner label={strings.loading} />}
        {approvals.error !== undefined && (
          <MessageBar intent="error">
            <MessageBarBody>{approvals.error.message}</MessageBarBody>
          </MessageBar>
        )}
        {empty && (
          <MessageBar intent="info">
            <MessageBarBody>
              <MessageBarTitle>{strings.emptyTitle}</MessageBarTitle>
              {strings.emptyLead}
            </MessageBarBody>
          </MessageBar>
        )}
        {approvals.data !== undefined && !empty && (
          <section className={styles.section} aria-labelledby="vantar-pa-rost">
            <h2 className={styles.sectionTitle} id="vantar-pa-rost">
              {strings.awaitingTitle}
            </h2>
            {awaiting.length === 0 ? (
              <Text as="p">{strings.awaitingNone}</Text>
            ) : (
              <ul className={styles.list}>
                {awaiting.map((view) => (
                  <ApprovalItem key={view.approvalId} view={view} />
                ))}
              </ul>
            )}
          </section>
        )}
        {others.length > 0 && (
          <section className={styles.section} aria-labelledby="ovriga-arenden">
            <h2 className={styles.sectionTitle} id="ovriga-arenden">
              {strings.othersTitle}
            </h2>
            <Text as="p" className={styles.muted} block>
              {strings.othersLead}
            </Text>
            <ul className={styles.list}>
              {others.map((view) => (
                <ApprovalItem key={view.approvalId} view={view} />
              ))}
            </ul>
          </section>
        )}
        {(me.isBoard || me.isKansli) && <DelegationSection />}
      </div>
    </>
  );
};
