import { voteKeyOf } from '../../domain/entities/approval.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';
import { DEMO_APPROVALS, demoApprovalAmount } from './demo-approvals.ts';
import { DEMO_MEMBERS } from './demo-members.ts';
import { demoPerson } from './demo-people.ts';

export type SeedApprovalsRepositories = Pick<Repositories, 'interventions' | 'members' | 'approvals' | 'votes'>;

/**
 * Adds the demo's open approvals and their votes to a site seeded with the demo (seed-demo-data.ts).
 * Kept apart from seedDemoData so a data folder seeded before approvals existed gets them too:
 * an insats that has any approval, or is missing, is left alone, so a second run writes nothing.
 */
export async function seedDemoApprovals(
  repos: SeedApprovalsRepositories,
): Promise<{ approvals: number; votes: number }> {
  let approvals = 0;
  let votes = 0;
  const members = await repos.members.list();
  const memberId = new Map(
    DEMO_MEMBERS.map((entry) => [
      entry.key,
      members.find((member) => member.name.toLowerCase() === entry.member.name.toLowerCase())?.id ?? null,
    ]),
  );
  for (const demo of DEMO_APPROVALS) {
    const intervention = await repos.interventions.findByCode(demo.code);
    if (intervention === null || (await repos.approvals.listByIntervention(intervention.id)).length > 0) {
      continue;
    }
    const { code: _code, requestedBy, votes: demoVotes, ...fields } = demo;
    const approval = await repos.approvals.create({
      ...fields,
      interventionId: intervention.id,
      requestedByAadId: demoPerson(requestedBy).aadObjectId,
      amount: demoApprovalAmount(demo.code),
      previousId: null,
    });
    approvals += 1;
    for (const vote of demoVotes) {
      const voter = demoPerson(vote.voter).aadObjectId;
      await repos.votes.create({
        approvalId: approval.id,
        voterAadId: voter,
        onBehalfOfOrgId: memberId.get(vote.onBehalfOf) ?? null,
        decision: vote.decision,
        comment: vote.comment,
        voteKey: voteKeyOf(approval.id, voter),
      });
      votes += 1;
    }
  }
  return { approvals, votes };
}
