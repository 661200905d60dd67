/**
 * One requisition (`#/rekvisitioner/:periodKey`): the facts as the card lists them, why it was
 * sent back, the over-budget warning, the year's budget per post, and — as the server allows —
 * the registration form or the review chain's buttons. After a step the server's answer is shown
 * at once and the requisition is read again.
 */
import { Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, Title1 } from '@fluentui/react-components';
import { ArrowLeft16Regular } from '@fluentui/react-icons';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { RequisitionAction } from '../../../../src/domain/invoicing/requisition-workflow.ts';
import { requisitionViewSchema } from '../../api/contracts.ts';
import { useLanguage, useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { hrefTo } from '../../shell/router.tsx';
import { useSession } from '../../shell/session.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { useInboxStyles } from '../approvals/inbox-styles.ts';
import { dayText, nameWithCode } from '../approvals/inbox-text.ts';
import { BudgetTable } from './budget-table.tsx';
import { RegistrationForm } from './registration-form.tsx';
import { barredStep, formatKronorExact, type RequisitionView } from './requisition-text.ts';
import { requisitionsStrings } from './requisitions-strings.ts';
import { StepActions } from './step-actions.tsx';

const Facts = ({ view }: { readonly view: RequisitionView }) => {
  const styles = useInboxStyles();
  const strings = useStrings(requisitionsStrings);
  const term = useTerm();
  const { language } = useLanguage();
  const rows: Array<readonly [string, ReactNode]> = [
    [
      strings.insats,
      <Link key="insats" href={hrefTo(`/insatser/${encodeURIComponent(view.interventionId)}`)}>
        {nameWithCode(view.code, view.title)}
      </Link>,
    ],
    [strings.period, view.periodText],
    [strings.dueDate, dayText(view.dueDate, language)],
    [strings.status, term(view.status)],
  ];
  if (view.invoiceNumber !== null) {
    rows.push([strings.invoiceNumber, view.invoiceNumber]);
  }
  if (view.amount !== null) {
    rows.push([strings.amount, formatKronorExact(view.amount)]);
  }
  if (view.receivedDate !== null) {
    rows.push([strings.received, view.receivedDate]);
  }
  return (
    <dl className={styles.facts}>
      {rows.map(([title, value]) => (
        <div key={title} className={styles.factRow}>
          <dt className={styles.factTitle}>{title}</dt>
          <dd className={styles.factValue}>{value}</dd>
        </div>
      ))}
    </dl>
  );
};

export const RequisitionDetail = ({ periodKey }: { readonly periodKey: string }) => {
  const styles = useInboxStyles();
  const strings = useStrings(requisitionsStrings);
  const { me } = useSession();
  const resource = useResource(`/api/rekvisitioner/${encodeURIComponent(periodKey)}`, requisitionViewSchema);
  // the server's answer to a step, shown until the requisition has been read again
  const [answered, setAnswered] = useState<{ view: RequisitionView; basis: RequisitionView | undefined }>();
  const [notice, setNotice] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const view = answered !== undefined && answered.basis === resource.data ? answered.view : resource.data;

  const loadedKey = view?.periodKey;
  useEffect(() => {
    if (loadedKey !== undefined) {
      heading.current?.focus();
    }
  }, [loadedKey]);

  const onDone = (next: RequisitionView, action: RequisitionAction) => {
    setAnswered({ view: next, basis: resource.data });
    setNotice(strings.done(action));
    resource.reload();
  };

  const back = (
    <Link className={styles.back} href={hrefTo('/rekvisitioner')}>
      <ArrowLeft16Regular aria-hidden /> {strings.backToList}
    </Link>
  );

  if (view === undefined) {
    return (
      <>
        {back}
        <Title1 as="h1">{strings.title}</Title1>
        {resource.loading && <Spinner label={strings.loading} />}
        {resource.error !== undefined && (
          <MessageBar intent="error">
            <MessageBarBody>{resource.error.message}</MessageBarBody>
          </MessageBar>
        )}
      </>
    );
  }

  const onlyRejection = view.viewerActions.every((action) => action === 'avvisa');
  const barred = barredStep(
    view,
    me.roles.filter((role) => role.interventionId === null).map((role) => role.role),
  );
  return (
    <>
      {back}
      <h1 className={styles.title} ref={heading} tabIndex={-1}>
        {strings.headline(view.code, view.quarter, view.year)}
      </h1>
      <div className={styles.stack}>
        {notice !== undefined && (
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {resource.error !== undefined && (
          <MessageBar intent="error">
            <MessageBarBody>{resource.error.message}</MessageBarBody>
          </MessageBar>
        )}
        <section className={styles.section} aria-label={strings.headline(view.code, view.quarter, view.year)}>
          <Facts view={view} />
          {onlyRejection && (
            <Text as="p" weight="semibold" block>
              {strings.waitingFor(view.status)}
            </Text>
          )}
        </section>
        {barred !== null && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{barred === 'granska' ? strings.barredReview : strings.barredAttest}</MessageBarBody>
          </MessageBar>
        )}
        {view.status === 'Avvisad' && view.rejectionReason !== null && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{strings.rejectionTitle}</MessageBarTitle>
              {view.rejectionReason}
            </MessageBarBody>
          </MessageBar>
        )}
        {view.overBudget && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              {/* once the ekonom has reviewed it, the overdraft is known and accepted: no alarm */}
              <MessageBarTitle>
                {view.status === 'Inkommen' ? strings.overBudgetToReview : strings.overBudget}
              </MessageBarTitle>
              {view.budgetWarning ?? strings.overBudgetFallback}
            </MessageBarBody>
          </MessageBar>
        )}
        {view.budget.length > 0 && <BudgetTable view={view} />}
        {view.viewerActions.includes('registrera') && (
          <RegistrationForm view={view} onRegistered={(next) => onDone(next, 'registrera')} onStale={resource.reload} />
        )}
        <StepActions view={view} onDone={onDone} onStale={resource.reload} />
      </div>
    </>
  );
};
