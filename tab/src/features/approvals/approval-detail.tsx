/**
 * One matter (`#/beslut/:id`): everything the card shows — the facts, the summary, the previous
 * stage's recommendation, a budget or plan change, the tally and every vote — then my part: the
 * vote form when the matter waits for me, or what I did / why I am not asked. After a vote the
 * server's own view replaces what was shown, and its answer is said in a message.
 */
import { Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, Title1 } from '@fluentui/react-components';
import { ArrowLeft16Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { approvalViewSchema } from '../../api/contracts.ts';
import { useLanguage, useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { hrefTo } from '../../shell/router.tsx';
import { useSession } from '../../shell/session.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useResource } from '../../ui/use-resource.ts';
import { agreementsStrings } from '../agreements/agreements-strings.ts';
import { SigningProgress } from '../agreements/signing-progress.tsx';
import {
  ApprovalFacts,
  BudgetChangeSection,
  PlanChangeSection,
  RecommendationSection,
  VotesSection,
} from './approval-sections.tsx';
import { type ApprovalView, outcomeText, titleWithCode, viewerStateText } from './approval-text.ts';
import { approvalsStrings } from './approvals-strings.ts';
import { useInboxStyles } from './inbox-styles.ts';
import { VoteForm, type VoteResult } from './vote-form.tsx';
import { WithdrawForm } from './withdraw-form.tsx';

type Notice = {
  readonly intent: 'success' | 'warning' | 'info';
  readonly title: string;
  readonly body: string | null;
};

const OUTCOME_INTENT = { Godkänd: 'success', Avslagen: 'error', Återkallad: 'warning', Utgången: 'warning' } as const;

export const ApprovalDetail = ({ approvalId }: { readonly approvalId: string }) => {
  const styles = useInboxStyles();
  const strings = useStrings(approvalsStrings);
  const agreementWords = useStrings(agreementsStrings);
  const term = useTerm();
  const { language } = useLanguage();
  const { me } = useSession();
  const resource = useResource(`/api/beslut/${encodeURIComponent(approvalId)}`, approvalViewSchema);
  // the view the server answered a vote or a withdrawal with, until the next load
  const [answered, setAnswered] = useState<ApprovalView>();
  const [notice, setNotice] = useState<Notice>();
  const heading = useRef<HTMLHeadingElement>(null);
  const view = answered ?? resource.data;
  const now = new Date();

  // a newly opened matter: focus its heading, so a screen reader starts there
  const loadedId = view?.approvalId;
  useEffect(() => {
    if (loadedId !== undefined) {
      heading.current?.focus();
    }
  }, [loadedId]);

  const onVoted = (result: VoteResult) => {
    setAnswered(result.view);
    switch (result.result) {
      case 'recorded':
        // "Du godkände 14:02" follows right under it, from the view
        setNotice({ intent: 'success', title: strings.recorded, body: null });
        break;
      case 'already-voted':
        setNotice({ intent: 'warning', title: strings.alreadyVoted, body: strings.alreadyVotedBody });
        break;
      case 'closed':
        setNotice({ intent: 'info', title: strings.closed, body: outcomeText(result.view, strings, term, language) });
        break;
    }
  };

  const onWithdrawn = (withdrawn: ApprovalView) => {
    setAnswered(withdrawn);
    setNotice({ intent: 'success', title: strings.withdrawn, body: null });
  };

  const back = (
    <Link className={styles.back} href={hrefTo('/beslut')}>
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

  const outcome = outcomeText(view, strings, term, language);
  const isForbundschef = me.roles.some((role) => role.role === 'Förbundschef');
  const mayWithdraw = view.status === 'Pågår' && (isForbundschef || view.requestedByName === me.name);
  const voting = view.viewer.awaited && view.status === 'Pågår';
  const signing = view.agreement ?? null;
  const myVote = view.viewer.myVote;
  // a samarbetsavtal says what the vote meant: a signature for the organisation, or a refusal
  const state = voting
    ? null
    : signing !== null && myVote !== null
      ? myVote.decision === 'Godkänn'
        ? agreementWords.youSigned(signing.viewerOrganisation, formatDateTime(myVote.at))
        : agreementWords.youRefused(formatDateTime(myVote.at))
      : viewerStateText(view, strings, now);

  return (
    <>
      {back}
      <h1 className={styles.title} ref={heading} tabIndex={-1}>
        {strings.headline(titleWithCode(view), view.stage)}
      </h1>
      <div className={styles.stack}>
        {outcome !== null && view.status !== 'Pågår' && (
          <MessageBar intent={OUTCOME_INTENT[view.status]} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{outcome}</MessageBarTitle>
              {view.nextStageTitle !== null && <> {strings.nextStage(view.nextStageTitle)}</>}
              {view.delegationDecision && <> {strings.delegationNote}</>}
            </MessageBarBody>
          </MessageBar>
        )}
        <section className={styles.section} aria-label={strings.subject}>
          <ApprovalFacts view={view} />
          {view.summary !== null && view.summary.trim() !== '' && <p className={styles.paragraph}>{view.summary}</p>}
        </section>
        {view.recommendation !== null && <RecommendationSection recommendation={view.recommendation} />}
        {view.budgetChange !== null && <BudgetChangeSection change={view.budgetChange} />}
        {view.planChange !== null && <PlanChangeSection plan={view.planChange} />}
        {signing !== null && (
          <section className={styles.section} aria-labelledby="samarbetsavtalet">
            <SigningProgress
              agreement={signing}
              status={view.status}
              level={2}
              headingId="samarbetsavtalet"
              title={agreementWords.agreementTitle}
            />
          </section>
        )}
        <VotesSection view={view} now={now} />
        {(notice !== undefined || voting || state !== null) && (
          <section className={styles.section} aria-labelledby="din-rost">
            <h2 className={styles.sectionTitle} id="din-rost">
              {strings.yourVoteTitle}
            </h2>
            {notice !== undefined && (
              <MessageBar intent={notice.intent} layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{notice.title}</MessageBarTitle>
                  {notice.body}
                </MessageBarBody>
              </MessageBar>
            )}
            {voting ? (
              <VoteForm view={view} onVoted={onVoted} />
            ) : (
              state !== null && (
                <Text as="p" weight="semibold" block>
                  {state}
                </Text>
              )
            )}
          </section>
        )}
        {mayWithdraw && <WithdrawForm view={view} onWithdrawn={onWithdrawn} />}
      </div>
    </>
  );
};
