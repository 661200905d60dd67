/**
 * "Beslutsärenden": each approval with its matter, body, rule, status and answer date, and the
 * votes cast — who, for which organisation, what, with what comment, when. The insats's answer
 * carries the votes without names or dates, so each approval is also read as the person sees it
 * (GET /api/beslut/:id, which also says whether their vote is awaited); until that answers, or if
 * it cannot, the votes are shown from the insats's answer.
 */
import { Badge, type BadgeProps, Link, mergeClasses, Text } from '@fluentui/react-components';
import type { ApprovalStatus } from '../../../../src/domain/vocabulary.ts';
import { approvalViewSchema } from '../../api/contracts.ts';
import { useStrings } from '../../i18n/language.tsx';
import { useTerm } from '../../i18n/use-term.ts';
import { hrefTo } from '../../shell/router.tsx';
import { formatDate, formatKr } from '../../ui/format.ts';
import { useResource } from '../../ui/use-resource.ts';
import { ScrollRegion } from '../interventions/scroll-region.tsx';
import type { InsatsDetail } from './detail-schema.ts';
import { interventionPageStrings } from './intervention-page-strings.ts';
import { usePageStyles } from './page-styles.ts';

type Approval = InsatsDetail['approvals'][number];

type VoteLine = {
  readonly key: string;
  readonly name: string;
  readonly org: string | null;
  readonly decision: string;
  readonly comment: string | null;
  readonly at: string | null;
  readonly substitute: boolean;
};

const STATUS_COLOURS: Readonly<Record<ApprovalStatus, NonNullable<BadgeProps['color']>>> = {
  Pågår: 'warning',
  Godkänd: 'success',
  Avslagen: 'danger',
  Återkallad: 'subtle',
  Utgången: 'subtle',
};

type Lookups = {
  readonly personName: (aadObjectId: string) => string | null;
  readonly orgName: (id: string) => string;
};

const ApprovalCard = ({ approval, lookups }: { readonly approval: Approval; readonly lookups: Lookups }) => {
  const styles = usePageStyles();
  const strings = useStrings(interventionPageStrings);
  const term = useTerm();
  const view = useResource(`/api/beslut/${encodeURIComponent(approval.id)}`, approvalViewSchema);
  const votes: VoteLine[] =
    view.data !== undefined
      ? view.data.votes.map((vote, index) => ({
          key: `${vote.name}-${index}`,
          name: vote.name,
          org: vote.orgName,
          decision: vote.decision,
          comment: vote.comment,
          at: vote.at,
          substitute: vote.substitute,
        }))
      : approval.votes.map((vote) => ({
          key: vote.id,
          name: lookups.personName(vote.voterAadId) ?? strings.none,
          org: vote.onBehalfOfOrgId === null ? null : lookups.orgName(vote.onBehalfOfOrgId),
          decision: vote.decision,
          comment: vote.comment,
          at: null,
          substitute: false,
        }));
  const awaited = view.data?.viewer.awaited === true && approval.status === 'Pågår';
  const titleId = `beslut-${approval.id}`;
  return (
    <li className={styles.card}>
      <h3 className={styles.cardTitle} id={titleId}>
        {approval.title}
      </h3>
      <span className={styles.inline}>
        <Badge appearance="tint" color={STATUS_COLOURS[approval.status]}>
          {term(approval.status)}
        </Badge>
        <span className={styles.muted}>
          {strings.subject}: {term(approval.subject)} · {strings.body}: {term(approval.stage)} · {strings.rule}:{' '}
          {term(approval.rule)}
          {approval.dueDate === null ? '' : ` · ${strings.answerBy} ${approval.dueDate}`}
          {approval.amount === null ? '' : ` · ${formatKr(approval.amount)}`}
        </span>
      </span>
      {votes.length === 0 ? (
        <Text as="p" className={styles.muted}>
          {strings.noVotes}
        </Text>
      ) : (
        <ScrollRegion className={styles.tableWrap} label={strings.votesRegion}>
          <table className={styles.table}>
            <caption className={styles.caption}>{strings.votesCaption(approval.title)}</caption>
            <thead>
              <tr>
                <th className={styles.th} scope="col">
                  {strings.voter}
                </th>
                <th className={styles.th} scope="col">
                  {strings.organisation}
                </th>
                <th className={styles.th} scope="col">
                  {strings.vote}
                </th>
                <th className={styles.th} scope="col">
                  {strings.voteComment}
                </th>
                <th className={styles.th} scope="col">
                  {strings.date}
                </th>
              </tr>
            </thead>
            <tbody>
              {votes.map((vote) => (
                <tr key={vote.key}>
                  <th className={mergeClasses(styles.td, styles.rowHead)} scope="row">
                    {vote.name}
                    {vote.substitute ? ` (${strings.substitute})` : ''}
                  </th>
                  <td className={styles.td}>{vote.org ?? strings.none}</td>
                  <td className={styles.td}>{term(vote.decision)}</td>
                  <td className={styles.td}>{vote.comment ?? strings.none}</td>
                  <td className={mergeClasses(styles.td, styles.nowrap)}>
                    {vote.at === null ? strings.none : formatDate(vote.at)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <span>
        <Link href={hrefTo(`/beslut/${approval.id}`)} aria-describedby={titleId}>
          {awaited ? strings.castVote : strings.openApproval}
        </Link>
      </span>
    </li>
  );
};

export const ApprovalsSection = ({
  approvals,
  lookups,
}: {
  readonly approvals: readonly Approval[];
  readonly lookups: Lookups;
}) => {
  const styles = usePageStyles();
  const strings = useStrings(interventionPageStrings);
  return (
    <section className={styles.section} aria-labelledby="beslutsarenden">
      <h2 className={styles.sectionTitle} id="beslutsarenden">
        {strings.approvalsTitle}
      </h2>
      {approvals.length === 0 ? (
        <Text as="p">{strings.approvalsEmpty}</Text>
      ) : (
        <ul className={styles.list}>
          {approvals.map((approval) => (
            <ApprovalCard key={approval.id} approval={approval} lookups={lookups} />
          ))}
        </ul>
      )}
    </section>
  );
};
