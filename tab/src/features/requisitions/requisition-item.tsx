/**
 * One requisition in the inbox: the insats and quarter (a link to the whole requisition), the
 * period, the due day, the status, the amount once registered, and what it asks of me.
 */
import { Badge, Link, mergeClasses, Text } from '@fluentui/react-components';
import { useLanguage, useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { hrefTo } from '../../shell/router.tsx';
import { useInboxStyles } from '../approvals/inbox-styles.ts';
import { dayText, nameWithCode, todayInSweden } from '../approvals/inbox-text.ts';
import { formatKronorExact, type RequisitionView } from './requisition-text.ts';
import { requisitionsStrings } from './requisitions-strings.ts';

export const RequisitionStatusBadge = ({ status }: { readonly status: RequisitionView['status'] }) => {
  const term = useTerm();
  const color =
    status === 'Betald'
      ? 'success'
      : status === 'Avvisad'
        ? 'danger'
        : status === 'Förväntad'
          ? 'informative'
          : 'brand';
  return (
    <Badge appearance="tint" color={color}>
      {term(status)}
    </Badge>
  );
};

export const RequisitionItem = ({ view }: { readonly view: RequisitionView }) => {
  const styles = useInboxStyles();
  const strings = useStrings(requisitionsStrings);
  const { language } = useLanguage();
  const waitingForInsats = view.status === 'Förväntad' || view.status === 'Avvisad';
  const overdue = waitingForInsats && view.dueDate < todayInSweden();
  return (
    <li className={styles.item}>
      <Link className={styles.strong} href={hrefTo(`/rekvisitioner/${encodeURIComponent(view.periodKey)}`)}>
        {strings.headline(view.code, view.quarter, view.year)}
      </Link>
      <Text className={styles.muted}>{nameWithCode(view.code, view.title)}</Text>
      <div className={styles.line}>
        <RequisitionStatusBadge status={view.status} />
        {overdue && (
          <Badge appearance="filled" color="danger">
            {strings.overdue}
          </Badge>
        )}
        {view.overBudget && (
          <Badge appearance="tint" color="warning">
            {strings.overBudget}
          </Badge>
        )}
        <span>{view.periodText}</span>
      </div>
      <div className={styles.line}>
        <span>
          {strings.dueDate} <span className={styles.nowrap}>{dayText(view.dueDate, language)}</span>
        </span>
        {view.amount !== null && (
          <span>
            {strings.amount}{' '}
            <span className={mergeClasses(styles.strong, styles.nowrap)}>{formatKronorExact(view.amount)}</span>
          </span>
        )}
      </div>
      {view.viewerActions.length > 0 && <Text className={styles.strong}>{strings.todo(view.viewerActions)}</Text>}
    </li>
  );
};
