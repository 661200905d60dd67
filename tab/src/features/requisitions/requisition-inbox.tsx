/**
 * Rekvisitioner (`#/rekvisitioner`): what waits for me in the invoicing chain, as the server
 * scopes it (the projektledare their insats's quarters, the ekonom what to review and pay, the
 * förbundschef what to attest). "Att hantera" holds the ones I can act on, grouped by status in
 * workflow order; the rest follow. Reloads when something was handled elsewhere in the tab.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, Title1 } from '@fluentui/react-components';
import { REQUISITION_STATUSES } from '../../../../src/domain/vocabulary.ts';
import { requisitionInboxSchema } from '../../api/contracts.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { useSession } from '../../shell/session.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { useInboxStyles } from '../approvals/inbox-styles.ts';
import { RequisitionItem } from './requisition-item.tsx';
import type { RequisitionView } from './requisition-text.ts';
import { requisitionsStrings } from './requisitions-strings.ts';

const ByStatus = ({ items, idPrefix }: { readonly items: readonly RequisitionView[]; readonly idPrefix: string }) => {
  const styles = useInboxStyles();
  const strings = useStrings(requisitionsStrings);
  const term = useTerm();
  return REQUISITION_STATUSES.map((status) => {
    const group = items.filter((item) => item.status === status);
    if (group.length === 0) {
      return null;
    }
    const id = `${idPrefix}-${status}`;
    return (
      <div key={status}>
        <h3 className={styles.subTitle} id={id}>
          {strings.groupTitle(term(status), group.length)}
        </h3>
        <ul className={styles.list}>
          {group.map((view) => (
            <RequisitionItem key={view.periodKey} view={view} />
          ))}
        </ul>
      </div>
    );
  });
};

export const RequisitionInbox = () => {
  const styles = useInboxStyles();
  const strings = useStrings(requisitionsStrings);
  const { waitingVersion } = useSession();
  const inbox = useResource('/api/rekvisitioner', requisitionInboxSchema, waitingVersion);
  const items = inbox.data?.items ?? [];
  const toHandle = items.filter((item) => item.viewerActions.length > 0);
  const others = items.filter((item) => item.viewerActions.length === 0);

  return (
    <>
      <Title1 as="h1">{strings.title}</Title1>
      <Text className={styles.lead} as="p" block>
        {strings.lead}
      </Text>
      <div className={styles.stack}>
        {inbox.loading && inbox.data === undefined && <Spinner label={strings.loading} />}
        {inbox.error !== undefined && (
          <MessageBar intent="error">
            <MessageBarBody>{inbox.error.message}</MessageBarBody>
          </MessageBar>
        )}
        {inbox.data !== undefined && items.length === 0 && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{strings.emptyTitle}</MessageBarTitle>
              {strings.emptyLead}
            </MessageBarBody>
          </MessageBar>
        )}
        {toHandle.length > 0 && (
          <section className={styles.section} aria-labelledby="att-hantera">
            <h2 className={styles.sectionTitle} id="att-hantera">
              {strings.toHandleTitle}
            </h2>
            <ByStatus items={toHandle} idPrefix="hantera" />
          </section>
        )}
        {others.length > 0 && (
          <section className={styles.section} aria-labelledby="ovriga">
            <h2 className={styles.sectionTitle} id="ovriga">
              {strings.othersTitle}
            </h2>
            <Text as="p" className={styles.muted} block>
              {strings.othersLead}
            </Text>
            <ByStatus items={others} idPrefix="ovriga" />
          </section>
        )}
      </div>
    </>
  );
};
