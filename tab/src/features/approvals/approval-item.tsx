/**
 * One approval in a list: its title (a link to the whole matter), who decides under which rule,
 * the amount, the day to answer by, the insats, and the tally or the outcome.
 */
import { Badge, Link, mergeClasses, Text } from '@fluentui/react-components';
import { useLanguage, useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { hrefTo } from '../../shell/router.tsx';
import { formatKr } from '../../ui/format.ts';
import { type ApprovalView, outcomeText, titleWithCode } from './approval-text.ts';
import { approvalsStrings } from './approvals-strings.ts';
import { useInboxStyles } from './inbox-styles.ts';
import { dayText, todayInSweden } from './inbox-text.ts';

export const StatusBadge = ({ status }: { readonly status: ApprovalView['status'] }) => {
  const term = useTerm();
  const color =
    status === 'Godkänd' ? 'success' : status === 'Avslagen' ? 'danger' : status === 'Pågår' ? 'brand' : 'warning';
  return (
    <Badge appearance="tint" color={color}>
      {term(status)}
    </Badge>
  );
};

export const ApprovalItem = ({ view }: { readonly view: ApprovalView }) => {
  const styles = useInboxStyles();
  const strings = useStrings(approvalsStrings);
  const term = useTerm();
  const { language } = useLanguage();
  const outcome = outcomeText(view, strings, term, language);
  const overdue = view.status === 'Pågår' && view.dueDate !== null && view.dueDate < todayInSweden();
  return (
    <li className={styles.item}>
      <h3 className={styles.itemTitle}>
        <Link href={hrefTo(`/beslut/${encodeURIComponent(view.approvalId)}`)}>{titleWithCode(view)}</Link>
      </h3>
      <div className={styles.line}>
        <StatusBadge status={view.status} />
        {overdue && (
          <Badge appearance="filled" color="danger">
            {strings.overdue}
          </Badge>
        )}
        <Text className={styles.muted}>{strings.bodyAndRule(view.stage, view.rule)}</Text>
      </div>
      <div className={styles.line}>
        {view.amount !== null && (
          <span>
            {strings.amount} <span className={mergeClasses(styles.strong, styles.nowrap)}>{formatKr(view.amount)}</span>
          </span>
        )}
        {view.dueDate !== null && view.status === 'Pågår' && (
          <span>
            {strings.dueDate} <span className={styles.nowrap}>{dayText(view.dueDate, language)}</span>
          </span>
        )}
        {view.intervention !== null && (
          <span>
            {strings.insats}{' '}
            <Link href={hrefTo(`/insatser/${encodeURIComponent(view.intervention.id)}`)}>{view.intervention.code}</Link>
          </span>
        )}
      </div>
      <Text as="p" className={styles.muted} block>
        {outcome ?? strings.tally(view.tally, view.rule)}
      </Text>
    </li>
  );
};
