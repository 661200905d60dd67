/**
 * The kansli starts the signing of an insats's samarbetsavtal (issue 8 item 2): for an insats in
 * Avtal with no signing open, the draft is drawn up and filed 'Under signering', and an Approvals
 * row Samarbetsavtal → Firmatecknare → Alla is opened whose Payload records the draft (its drive
 * item and SHA-256); each party's firmatecknare gets a card at once. A row the kansli types into
 * SharePoint instead gets its draft from the sweep (open-stage.ts → prepare-hand-typed-signing.ts).
 *
 * Order: everything that can refuse is checked before anything is written; then the draft is
 * filed (a crash here leaves a draft no signing refers to, which the next start marks Ersatt), the
 * row is created with the draft in its Payload (so the sweep never files a second one for it), and
 * the file is stamped with the row's id.
 */

import type { SigningRecord } from '../../domain/agreement-signing/signing-record.ts';
import { AppError } from '../../domain/app-error.ts';
import { defaultDueDate } from '../../domain/approvals/approval-schedule.ts';
import { firstStage } from '../../domain/approvals/chains.ts';
import { todayIn } from '../../domain/calendar/today.ts';
import type { Approval } from '../../domain/entities/approval.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import { formatKr } from '../../domain/format.ts';
import { appendApprovalAudit, nowInstant } from '../approvals/approval-audit.ts';
import { refOf, viewFor } from '../approvals/approval-context.ts';
import type { ApprovalDeps } from '../approvals/approval-deps.ts';
import { readPayload, writePayload } from '../approvals/approval-payload.ts';
import type { ApprovalView } from '../approvals/approval-view.ts';
import { openStage } from '../approvals/open-stage.ts';
import { authorize } from '../authorization/refuse.ts';
import { actorOf } from '../register/load-actor.ts';
import { draftProblemText, fileDraft, prepareDraft, retireStaleDrafts } from './agreement-draft.ts';
import { type AgreementFileView, agreementFileView } from './agreement-view.ts';

export type AgreementSigningStarted = {
  readonly approval: ApprovalView;
  readonly agreement: AgreementFileView;
};

const INTERVENTION_LIST = 'Interventions';

/** `SAMUTB` or the insats's list item id */
export async function findInsatsByCodeOrId(deps: Pick<ApprovalDeps, 'repos'>, insats: string): Promise<Intervention> {
  const wanted = insats.trim();
  const found = /^[1-9]\d{0,9}$/.test(wanted)
    ? await deps.repos.interventions.findById(wanted)
    : /^[A-Za-z0-9-]{1,40}$/.test(wanted)
      ? await deps.repos.interventions.findByCode(wanted.toUpperCase())
      : null;
  if (found === null) {
    const shown = wanted.toUpperCase().slice(0, 40);
    throw new AppError('NOT_FOUND', `no insats ${shown}`, { userMessage: `Det finns ingen insats ${shown}.` });
  }
  return found;
}

/** the summary on the Approvals row and the cards: what is signed */
export function signingSummary(intervention: Intervention, record: SigningRecord): string {
  const period =
    record.validFrom === null || record.validTo === null
      ? 'avtalstid enligt avtalet'
      : `${record.validFrom} – ${record.validTo}`;
  return [
    `Samarbetsavtal för ${intervention.code} – ${intervention.title}.`,
    `Parter: ${record.parties.map((party) => (party.projectOwner ? `${party.name} (projektägare)` : party.name)).join(', ')}.`,
    `Avtalstid: ${period}. Ersättning från förbundet: ${formatKr(record.total)} totalt.`,
    'Läs avtalet och godkänn för att underteckna det för din organisation.',
  ].join('\n');
}

/** 409 with the open row's id when the insats has a signing under way */
export function openSigningOf(siblings: readonly Approval[]): Approval | null {
  return siblings.find((row) => row.subject === 'Samarbetsavtal' && row.status === 'Pågår') ?? null;
}

export async function startAgreementSigning(
  deps: ApprovalDeps,
  actorAadId: string,
  insats: string,
): Promise<AgreementSigningStarted> {
  const actor = await actorOf(deps, actorAadId);
  // nothing is looked up before the matrix has said yes
  await authorize(
    deps,
    actor,
    'starta-signering',
    {},
    { list: INTERVENTION_LIST, id: /^\d+$/.test(insats) ? insats : '-' },
  );
  const intervention = await findInsatsByCodeOrId(deps, insats);
  const { code } = intervention;
  if (intervention.stage !== 'Avtal') {
    throw new AppError('INVALID_STATE', `${code} is ${intervention.stage}`, {
      userMessage: `${code} är i skedet ${intervention.stage}. Samarbetsavtalet signeras när insatsen är i skedet Avtal, efter styrelsens beslut.`,
      details: { reasons: [`Skede: ${intervention.stage}`] },
    });
  }
  const open = openSigningOf(await deps.repos.approvals.listByIntervention(intervention.id));
  if (open !== null) {
    throw new AppError('CONFLICT', `approval ${open.id} is open`, {
      userMessage: `Avtalet för ${code} är redan ute för signering (beslutsärende ${open.id}). Återkalla det ärendet först om ett nytt utkast ska skickas.`,
      details: { approvalId: open.id },
    });
  }
  const prepared = await prepareDraft(deps, intervention);
  if (prepared.problem !== null) {
    const message = draftProblemText(code, prepared.problem);
    throw new AppError('INVALID_STATE', `${code}: ${prepared.problem.kind}`, {
      userMessage: message,
      details: { reasons: [message] },
    });
  }

  const retired = await retireStaleDrafts(deps, intervention.id, null);
  const filed = await fileDraft(deps, prepared, { approvalId: null });
  const { stage, rule } = firstStage('Samarbetsavtal');
  const today = todayIn(deps.clock, deps.timeZone);
  const created = await deps.repos.approvals.create({
    title: `Samarbetsavtal ${code} – ${intervention.title}`.slice(0, 255),
    interventionId: intervention.id,
    subject: 'Samarbetsavtal',
    stage,
    rule,
    status: 'Pågår',
    dueDate: defaultDueDate(today, stage),
    requestedByAadId: actorAadId,
    amount: filed.record.total,
    previousId: null,
    payload: writePayload(
      { extra: {}, unreadable: [] },
      {
        summary: signingSummary(intervention, filed.record),
        requestedByName: actor.name === '' ? null : actor.name,
        intervention: refOf(intervention),
        agreement: filed.record,
      },
    ),
  });
  // two starts at once: the lower id wins, the other stands down before any card goes out
  const rival = (await deps.repos.approvals.listByIntervention(intervention.id)).find(
    (row) =>
      row.subject === 'Samarbetsavtal' &&
      row.status === 'Pågår' &&
      row.id !== created.id &&
      Number(row.id) < Number(created.id),
  );
  if (rival !== undefined) {
    await standDown(deps, created, filed.file.driveItemId, actorAadId);
    throw new AppError('CONFLICT', `approval ${rival.id} was opened meanwhile`, {
      userMessage: `Avtalet för ${code} skickades just ut för signering av någon annan (beslutsärende ${rival.id}).`,
      details: { approvalId: rival.id },
    });
  }
  const draft = await deps.repos.agreements.updateFields(filed.file.driveItemId, { approvalId: created.id });
  await appendApprovalAudit(deps, {
    actorAadId,
    action: 'beslut.startat',
    approval: created,
    details: { subject: 'Samarbetsavtal', stage, rule, insats: code, dueDate: created.dueDate },
  });
  await appendApprovalAudit(deps, {
    actorAadId,
    action: 'avtal.utkast',
    approval: created,
    entity: { list: INTERVENTION_LIST, id: intervention.id },
    details: {
      approval: created.id,
      file: filed.file.name,
      driveItemId: filed.file.driveItemId,
      sha256: filed.record.draft.sha256,
      ...(retired.length > 0 ? { replaced: retired } : {}),
    },
  });
  const opened = await openStage(deps, created);
  if (opened.context === null) {
    throw new AppError('INVALID_STATE', `approval ${created.id} could not be opened`, {
      userMessage: opened.problems.join(' '),
    });
  }
  return {
    approval: viewFor(deps, opened.context, actorAadId),
    agreement: agreementFileView(deps, draft, actorAadId),
  };
}

/** the loser of two simultaneous starts: its row withdrawn, its draft marked Ersatt */
async function standDown(deps: ApprovalDeps, approval: Approval, draftId: string, actorAadId: string): Promise<void> {
  await deps.repos.approvals.update(
    approval.id,
    {
      status: 'Återkallad',
      payload: writePayload(readPayload(approval.payload), {
        withdrawn: {
          byAadId: actorAadId,
          byName: null,
          reason: 'En annan signering av samma avtal startades samtidigt.',
          at: nowInstant(deps),
        },
      }),
    },
    { etag: approval.etag },
  );
  await deps.repos.agreements.updateFields(draftId, { agreementStatus: 'Ersatt', approvalId: approval.id });
  await appendApprovalAudit(deps, {
    actorAadId,
    action: 'beslut.aterkallat',
    approval,
    details: { reason: 'samtidig start', subject: 'Samarbetsavtal' },
  }).catch((error: unknown) => deps.logger.error({ err: error, approvalId: approval.id }, 'withdrawal not audited'));
}
