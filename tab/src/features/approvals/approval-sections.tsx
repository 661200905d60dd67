/**
 * The parts of one approval that everyone who may see it reads: the facts, the previous stage's
 * recommendation with its comments, a budget or plan change, and the tally with every vote — in
 * the card's words, so chat and tab say the same thing.
 */
import { Link, mergeClasses, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useLanguage, useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { hrefTo } from '../../shell/router.tsx';
import { formatKr } from '../../ui/format.ts';
import { type ApprovalView, voteMarker } from './approval-text.ts';
import { approvalsStrings } from './approvals-strings.ts';
import { useInboxStyles } from './inbox-styles.ts';
import { dayText, nameWithCode, timeText } from './inbox-text.ts';

export const ApprovalFacts = ({ view }: { readonly view: ApprovalView }) => {
  const styles = useInboxStyles();
  const strings = useStrings(approvalsStrings);
  const term = useTerm();
  const { language } = useLanguage();
  const rows: Array<readonly [string, ReactNode]> = [];
  if (view.intervention !== null) {
    rows.push([
      strings.insats,
      <Link key="insats" href={hrefTo(`/insatser/${encodeURIComponent(view.intervention.id)}`)}>
        {nameWithCode(view.intervention.code, view.intervention.title)}
      </Link>,
    ]);
  }
  rows.push([strings.subject, term(view.subject)]);
  rows.push([strings.decidedBy, strings.bodyAndRule(view.stage, view.rule)]);
  if (view.amount !== null) {
    rows.push([strings.amount, formatKr(view.amount)]);
  }
  if (view.dueDate !== null) {
    rows.push([strings.dueDate, dayText(view.dueDate, language)]);
  }
  if (view.requestedByName !== null) {
    rows.push([strings.requestedBy, view.requestedByName]);
  }
  rows.push([strings.status, term(view.status)]);
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

export const RecommendationSection = ({
  recommendation,
}: {
  readonly recommendation: NonNullable<ApprovalView['recommendation']>;
}) => {
  const styles = useInboxStyles();
  const strings = useStrings(approvalsStrings);
  return (
    <section className={styles.section} aria-labelledby="rekommendation">
      <h2 className={styles.sectionTitle} id="rekommendation">
        {strings.recommendationTitle(recommendation.stage)}
      </h2>
      <Text as="p" block>
        {strings.recommendation(recommendation.stage, recommendation.outcome, recommendation.tally)}
      </Text>
      {recommendation.comments.length > 0 && (
        <ul className={styles.list}>
          {recommendation.comments.map((comment) => (
            <li key={`${comment.name}-${comment.decision}-${comment.comment}`}>
              <span className={styles.strong}>{comment.name}</span> ({strings.present(comment.decision)})
              <blockquote className={styles.quote}>”{comment.comment}”</blockquote>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

export const BudgetChangeSection = ({ change }: { readonly change: NonNullable<ApprovalView['budgetChange']> }) => {
  const styles = useInboxStyles();
  const strings = useStrings(approvalsStrings);
  const term = useTerm();
  return (
    <section className={styles.section} aria-labelledby="budgetandring">
      <h2 className={styles.sectionTitle} id="budgetandring">
        {strings.budgetChangeTitle}
      </h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1) */}
      <section className={styles.tableWrap} aria-label={strings.budgetChangeTitle} tabIndex={0}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                {strings.budgetFrom}
              </th>
              <th className={styles.th} scope="col">
                {strings.budgetTo}
              </th>
              <th className={mergeClasses(styles.th, styles.num)} scope="col">
                {strings.amount}
              </th>
              <th className={mergeClasses(styles.th, styles.num)} scope="col">
                {strings.budgetYear}
              </th>
            </tr>
          </thead>
          <tbody>
            {change.moves.map((move) => (
              <tr key={`${move.from}-${move.to}-${move.amount}-${move.year ?? change.year}`}>
                <td className={styles.td}>{term(move.from)}</td>
                <td className={styles.td}>{term(move.to)}</td>
                <td className={mergeClasses(styles.td, styles.num)}>{formatKr(move.amount)}</td>
                <td className={mergeClasses(styles.td, styles.num)}>{move.year ?? change.year}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Text as="p" weight="semibold" block>
        {change.minor ? strings.budgetMinor : strings.budgetMajor}
      </Text>
      {change.reasons.length > 0 && (
        <ul>
          {change.reasons.map((reason) => (
            <li key={reason} className={styles.muted}>
              {reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

export const PlanChangeSection = ({ plan }: { readonly plan: NonNullable<ApprovalView['planChange']> }) => {
  const styles = useInboxStyles();
  const strings = useStrings(approvalsStrings);
  return (
    <section className={styles.section} aria-labelledby="planandring">
      <h2 className={styles.sectionTitle} id="planandring">
        {strings.planChangeTitle}
      </h2>
      <p className={styles.paragraph}>{plan.description}</p>
      <Text as="p" weight="semibold" block>
        {plan.minor ? strings.planMinor : strings.planMajor}
      </Text>
    </section>
  );
};

export const VotesSection = ({ view, now }: { readonly view: ApprovalView; readonly now: Date }) => {
  const styles = useInboxStyles();
  const strings = useStrings(approvalsStrings);
  const votes = [...view.votes].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section className={styles.section} aria-labelledby="roster">
      <h2 className={styles.sectionTitle} id="roster">
        {strings.votesTitle}
      </h2>
      <Text as="p" weight="semibold" block data-testid="tally">
        {strings.tally(view.tally, view.rule)}
      </Text>
      {votes.length === 0 ? (
        <Text as="p" className={styles.muted} block>
          {strings.noVotes}
        </Text>
      ) : (
        <ul className={styles.list} aria-label={strings.votesTitle}>
          {votes.map((vote) => {
            const marker = voteMarker(view, vote, strings);
            return (
              <li key={`${vote.name}-${vote.at}`}>
                <span className={styles.strong}>
                  {vote.orgName === null ? vote.name : `${vote.name}, ${vote.orgName}`}
                </span>
                : {strings.present(vote.decision)} <span className={styles.nowrap}>{timeText(vote.at, now)}</span>
                {marker !== null && <span className={styles.muted}> ({marker})</span>}
                {vote.comment !== null && vote.comment.trim() !== '' && (
                  <blockquote className={styles.quote}>”{vote.comment.trim()}”</blockquote>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
};
