/**
 * Puts a matter to decision (issue 4 item 4), from the tab or the bot: the kansli asks, the chain
 * decides who answers first. One open approval per insats and subject. The row is created Pågår
 * and opened at once, so the approvers have their cards before this returns; a row the kansli
 * types into SharePoint instead is opened by the sweep the same way.
 */
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import { defaultDueDate } from '../../domain/approvals/approval-schedule.ts';
import {
  type BudgetChange,
  budgetChangeSchema,
  classifyBudgetChange,
  type PlanChange,
  parseChangeThreshold,
  planChangeSchema,
} from '../../domain/approvals/budget-change.ts';
import { firstStage } from '../../domain/approvals/chains.ts';
import { todayIn } from '../../domain/calendar/today.ts';
import { isoDate } from '../../domain/entities/common.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import { formatKr } from '../../domain/format.ts';
import { kronorProblemText, readKronor } from '../../domain/invoicing/kronor-input.ts';
import { freeText } from '../../domain/personal-data/free-text.ts';
import type { Stage } from '../../domain/vocabulary.ts';
import { authorize } from '../authorization/refuse.ts';
import { actorOf } from '../register/load-actor.ts';
import { APPROVAL_ENTITY_LIST, appendApprovalAudit } from './approval-audit.ts';
import { readSeats, refOf, viewFor } from './approval-context.ts';
import type { ApprovalDeps } from './approval-deps.ts';
import { writePayload } from './approval-payload.ts';
import type { ApprovalView } from './approval-view.ts';
import { openStage, planClassification } from './open-stage.ts';

export const STARTABLE_SUBJECTS = ['Ansökan', 'Budgetändring', 'Planändring'] as const;

const swedish = z.locales.sv().localeError;

const blankToUndefined = (value: unknown): unknown =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;

const startInputSchema = z.object({
  insats: z
    .string({ error: 'Ange insatsen med dess kod, t.ex. NOVA.' })
    .trim()
    .min(1, 'Ange insatsen med dess kod, t.ex. NOVA.')
    .max(40, 'Ange insatsen med dess kod, t.ex. NOVA.'),
  subject: z.enum(STARTABLE_SUBJECTS, { error: 'Ärendetypen ska vara Ansökan, Budgetändring eller Planändring.' }),
  // a missing summary is an empty one: "Sammanfattning måste fyllas i."
  summary: z.preprocess((value) => value ?? '', freeText('Sammanfattning', { min: 1, max: 4000 })),
  amount: z.preprocess(blankToUndefined, z.unknown().optional()),
  dueDate: z.preprocess(blankToUndefined, isoDate.optional()),
  change: z.preprocess(blankToUndefined, z.unknown().optional()),
  plan: z.preprocess(blankToUndefined, z.unknown().optional()),
});

type Issue = { readonly path: string; readonly message: string };

function invalid(issues: readonly Issue[]): AppError {
  return new AppError('INVALID_INPUT', `invalid approval: ${issues.map((issue) => issue.path).join(', ')}`, {
    userMessage: issues.map((issue) => issue.message).join(' '),
    details: { issues },
  });
}

function issuesOf(error: z.ZodError, prefix: string): Issue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.'),
    message: issue.message,
  }));
}

type StartInput = {
  readonly insats: string;
  readonly subject: (typeof STARTABLE_SUBJECTS)[number];
  readonly summary: string;
  readonly amount: number | null;
  readonly dueDate: string | null;
  readonly change: BudgetChange | null;
  readonly plan: PlanChange | null;
};

function parseStartInput(input: unknown, today: string): StartInput {
  // Swedish messages for zod's own refusals too (a list or a number where the form belongs)
  const parsed = startInputSchema.safeParse(input, { error: swedish });
  if (!parsed.success) {
    throw invalid(issuesOf(parsed.error, ''));
  }
  const { insats, subject, summary } = parsed.data;
  const issues: Issue[] = [];
  let amount: number | null = null;
  if (parsed.data.amount !== undefined) {
    const reading = readKronor(parsed.data.amount);
    if (reading.ok) {
      amount = reading.amount;
    } else {
      issues.push({ path: 'amount', message: `Belopp: ${kronorProblemText(reading.problem)}` });
    }
  }
  const dueDate = parsed.data.dueDate ?? null;
  if (dueDate !== null && dueDate < today) {
    issues.push({ path: 'dueDate', message: `Svara senast kan inte vara före i dag (${today}).` });
  }
  let change: BudgetChange | null = null;
  if (subject === 'Budgetändring') {
    if (parsed.data.change === undefined) {
      issues.push({
        path: 'change',
        message: 'En budgetändring behöver minst en flytt: från post, till post, belopp och år.',
      });
    } else {
      const reading = budgetChangeSchema.safeParse(parsed.data.change, { error: swedish });
      if (reading.success) {
        const motivering = freeText('Motivering', { max: 4000 }).safeParse(reading.data.motivering);
        if (motivering.success) {
          // stored as the guard made it (control characters and bidi overrides gone)
          change = { ...reading.data, motivering: motivering.data };
        } else {
          issues.push(...issuesOf(motivering.error, 'change.motivering'));
        }
      } else {
        issues.push(...issuesOf(reading.error, 'change'));
      }
    }
  }
  let plan: PlanChange | null = null;
  if (subject === 'Planändring') {
    const reading = planChangeSchema.safeParse(parsed.data.plan ?? { beskrivning: summary }, { error: swedish });
    if (reading.success) {
      const description = freeText('Beskrivning', { max: 4000 }).safeParse(reading.data.beskrivning);
      if (description.success) {
        plan = { ...reading.data, beskrivning: description.data };
      } else {
        issues.push(...issuesOf(description.error, 'plan.beskrivning'));
      }
    } else {
      issues.push(...issuesOf(reading.error, 'plan'));
    }
  }
  if (issues.length > 0) {
    throw invalid(issues);
  }
  return { insats, subject, summary, amount, dueDate, change, plan };
}

/** `NOVA` or a list item id */
async function findInsats(deps: ApprovalDeps, insats: string): Promise<Intervention> {
  const found = /^[1-9]\d*$/.test(insats)
    ? await deps.repos.interventions.findById(insats)
    : await deps.repos.interventions.findByCode(insats.toUpperCase());
  if (found === null) {
    throw new AppError('NOT_FOUND', `no insats ${insats}`, {
      userMessage: `Det finns ingen insats ${insats.toUpperCase().slice(0, 40)}.`,
    });
  }
  return found;
}

/** the insats stages a subject can be decided in; the chain's lifecycle moves need these */
const STAGES_FOR: Readonly<Record<StartInput['subject'], readonly Stage[]>> = {
  Ansökan: ['Beredning', 'Förslag till styrelsen'],
  Budgetändring: ['Beviljad', 'Avtal', 'Uppstart', 'Pågående', 'Avslutas'],
  Planändring: ['Beviljad', 'Avtal', 'Uppstart', 'Pågående', 'Avslutas'],
};

function titleOf(input: StartInput, intervention: Intervention): string {
  const head = `${input.subject} ${intervention.code}`;
  if (input.change !== null) {
    const { moves, year } = input.change;
    const total = moves.reduce((sum, move) => sum + move.amount, 0);
    const [only] = moves;
    return moves.length === 1 && only !== undefined
      ? `${head} – flytt ${formatKr(only.amount)} från ${only.from} till ${only.to} ${only.year ?? year}`
      : `${head} – flytt av ${formatKr(total)} mellan budgetposter ${year}`;
  }
  if (input.subject === 'Ansökan') {
    return `${head} – ${intervention.title}`.slice(0, 255);
  }
  const line = input.summary.split('\n')[0] ?? '';
  return `${head} – ${line.length > 80 ? `${line.slice(0, 79)}…` : line}`;
}

export async function startApproval(deps: ApprovalDeps, actorAadId: string, input: unknown): Promise<ApprovalView> {
  const today = todayIn(deps.clock, deps.timeZone);
  const actor = await actorOf(deps, actorAadId);
  // nothing is looked up before the matrix's begara-beslut has said yes
  await authorize(deps, actor, 'begara-beslut', {}, { list: APPROVAL_ENTITY_LIST, id: '-' });
  const request = parseStartInput(input, today);
  const intervention = await findInsats(deps, request.insats);
  const allowedStages = STAGES_FOR[request.subject];
  if (!allowedStages.includes(intervention.stage)) {
    throw new AppError('INVALID_STATE', `${intervention.code} is ${intervention.stage}`, {
      userMessage: `${intervention.code} är i skedet ${intervention.stage}. ${request.subject === 'Ansökan' ? 'Ett beslut om ansökan begärs när den är under beredning.' : `En ${request.subject.toLowerCase()} begärs för en beviljad insats som inte är avslutad.`}`,
    });
  }
  const [siblings, budgetLines, settings] = await Promise.all([
    deps.repos.approvals.listByIntervention(intervention.id),
    request.change === null ? Promise.resolve([]) : deps.repos.budgetLines.listByIntervention(intervention.id),
    request.change === null ? Promise.resolve({}) : deps.repos.settings.getAll(),
  ]);
  const open = siblings.find((row) => row.status === 'Pågår' && row.subject === request.subject);
  if (open !== undefined) {
    throw new AppError('CONFLICT', `approval ${open.id} is open`, {
      userMessage: `${intervention.code} har redan ett öppet beslutsärende om ${request.subject.toLowerCase()} (${open.id}: ${open.title}). Återkalla det först om det ska ersättas.`,
      details: { approvalId: open.id },
    });
  }
  const { stage, rule } = firstStage(request.subject);
  const classification =
    request.change !== null
      ? classifyBudgetChange({
          change: request.change,
          budgetLines,
          thresholdPercent: parseChangeThreshold(settings).percent,
        })
      : null;
  if (classification !== null && classification.problems.length > 0) {
    throw invalid(classification.problems.map((message) => ({ path: 'change', message })));
  }
  const seats = await readSeats(deps, stage, intervention);
  if (seats.length === 0) {
    throw new AppError('INVALID_STATE', `no approvers for ${stage}`, {
      userMessage:
        stage === 'Styrgrupp'
          ? `${intervention.code} har ingen styrgrupp i listan RoleAssignments. Lägg in styrgruppen först.`
          : `Ingen har rollen ${stage} i listan RoleAssignments.`,
    });
  }
  const approval = await deps.repos.approvals.create({
    title: titleOf(request, intervention),
    interventionId: intervention.id,
    subject: request.subject,
    stage,
    rule,
    status: 'Pågår',
    dueDate: request.dueDate ?? defaultDueDate(today, stage),
    requestedByAadId: actorAadId,
    amount: request.amount ?? classification?.movedAmount ?? null,
    previousId: null,
    payload: writePayload(
      { extra: {}, unreadable: [] },
      {
        summary: request.summary,
        requestedByName: actor.name === '' ? null : actor.name,
        intervention: refOf(intervention),
        ...(request.change === null ? {} : { change: request.change }),
        ...(request.plan === null ? {} : { plan: request.plan }),
        ...(classification !== null
          ? { classification: { minor: classification.minor, reasons: classification.reasons } }
          : request.plan !== null
            ? { classification: planClassification(request.plan.mindre === true) }
            : {}),
      },
    ),
  });
  await appendApprovalAudit(deps, {
    actorAadId,
    action: 'beslut.startat',
    approval,
    details: { subject: approval.subject, stage, rule, insats: intervention.code, dueDate: approval.dueDate },
  });
  const opened = await openStage(deps, approval);
  if (opened.context === null) {
    throw new AppError('INVALID_STATE', `approval ${approval.id} could not be opened`, {
      userMessage: opened.problems.join(' '),
    });
  }
  return viewFor(deps, opened.context, actorAadId);
}
