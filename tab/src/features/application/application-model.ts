/**
 * The application form's state and how it becomes the API's bodies. The form keeps what the
 * person typed (numbers and amounts as text), so nothing they wrote is lost when a value is
 * refused; `toPayload` turns it into the typed body and reports, per field, what cannot be sent.
 *
 * Field paths are the server's own (`purpose`, `applicationDetails.goals.0.text`), so a 400's
 * `details.fields` lands on the same field as a check made here. Budget cells are
 * `budget.<year>.<post>`; the server names them `lines.<n>.amount` (see budgetPathOfLine).
 */
import type { GoalKind } from '../../../../src/domain/application/application-details.ts';
import {
  APPLICATION_TEXT_HEADINGS,
  type ApplicationTextField,
} from '../../../../src/domain/application/application-headings.ts';
import { interventionCode } from '../../../../src/domain/entities/intervention.ts';
import { kronorProblemText, readKronor } from '../../../../src/domain/invoicing/kronor-input.ts';
import { personalIdentityNumberMessage } from '../../../../src/domain/personal-data/free-text.ts';
import { containsPersonalIdentityNumber } from '../../../../src/domain/personal-data/personal-identity-number.ts';
import { BUDGET_CATEGORIES, type BudgetCategory, type InterventionKind } from '../../../../src/domain/vocabulary.ts';
import type { Insats } from './application-types.ts';

export type GoalForm = {
  readonly kind: GoalKind;
  readonly text: string;
  readonly indicator: string;
  readonly targetWomen: string;
  readonly targetMen: string;
  readonly date: string;
};

export type SignatoryForm = { readonly name: string; readonly title: string };

export type CriteriaForm = {
  readonly applicantHasMandate: boolean;
  readonly twoMembersSign: boolean;
  readonly ownerAmongApplicants: boolean;
  readonly individualPerspective: boolean;
  readonly individualPerspectiveStatement: string;
};

export type ApplicationForm = {
  readonly title: string;
  readonly code: string;
  readonly kind: InterventionKind | null;
  readonly ownerOrgId: string | null;
  readonly partnerOrgIds: readonly string[];
  readonly projectLeaderAadId: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly texts: Readonly<Record<ApplicationTextField, string>>;
  readonly goals: readonly GoalForm[];
  readonly targetCriteria: string;
  readonly estimatedCount: string;
  /** by member organisation id; only the applicants' are sent */
  readonly signatories: Readonly<Record<string, SignatoryForm>>;
  readonly criteria: CriteriaForm;
  /** typed amounts by `<year>.<post>` */
  readonly budget: Readonly<Record<string, string>>;
};

export type FieldErrors = Readonly<Record<string, string>>;

export type BudgetLineInput = { readonly year: number; readonly category: BudgetCategory; readonly amount: number };

const TEXT_FIELDS = APPLICATION_TEXT_HEADINGS.map((heading) => heading.field);

/** the Swedish label the server names a text by (the personnummer guard's message uses it) */
export const TEXT_LABELS = Object.fromEntries(
  APPLICATION_TEXT_HEADINGS.map((heading) => [heading.field, heading.label]),
) as Record<ApplicationTextField, string>;

const amountFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

/** `250000` → `250 000`, the way an amount is shown in a budget cell */
export function amountText(amount: number): string {
  return amountFormat.format(amount);
}

export function budgetKey(year: number, category: BudgetCategory): string {
  return `${year}.${category}`;
}

export function emptyForm(): ApplicationForm {
  return {
    title: '',
    code: '',
    kind: null,
    ownerOrgId: null,
    partnerOrgIds: [],
    projectLeaderAadId: '',
    startDate: '',
    endDate: '',
    texts: Object.fromEntries(TEXT_FIELDS.map((field) => [field, ''])) as Record<ApplicationTextField, string>,
    goals: [],
    targetCriteria: '',
    estimatedCount: '',
    signatories: {},
    criteria: {
      applicantHasMandate: false,
      twoMembersSign: false,
      ownerAmongApplicants: false,
      individualPerspective: false,
      individualPerspectiveStatement: '',
    },
    budget: {},
  };
}

const numberText = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value).replace('.', ',');

/** the form as the server has the application: what "saved" means */
export function formFrom(insats: Insats, lines: readonly BudgetLineInput[]): ApplicationForm {
  const details = insats.applicationDetails ?? null;
  const budget: Record<string, string> = {};
  for (const line of lines) {
    budget[budgetKey(line.year, line.category)] = amountText(line.amount);
  }
  return {
    title: insats.title,
    code: insats.code,
    kind: insats.kind,
    ownerOrgId: insats.ownerOrgId,
    partnerOrgIds: insats.partnerOrgIds,
    projectLeaderAadId: insats.projectLeaderAadId ?? '',
    startDate: insats.startDate ?? '',
    endDate: insats.endDate ?? '',
    texts: Object.fromEntries(TEXT_FIELDS.map((field) => [field, insats[field] ?? ''])) as Record<
      ApplicationTextField,
      string
    >,
    goals: (details?.goals ?? []).map((goal) => ({
      kind: goal.kind,
      text: goal.text ?? '',
      indicator: goal.indicator ?? '',
      targetWomen: numberText(goal.targetWomen),
      targetMen: numberText(goal.targetMen),
      date: goal.date ?? '',
    })),
    targetCriteria: details?.targetGroup.criteria ?? '',
    estimatedCount: numberText(details?.targetGroup.estimatedCount),
    signatories: Object.fromEntries(
      (details?.signatories ?? []).map((signatory) => [
        signatory.memberOrgId,
        { name: signatory.name ?? '', title: signatory.title ?? '' },
      ]),
    ),
    criteria: {
      applicantHasMandate: details?.criteria.applicantHasMandate ?? false,
      twoMembersSign: details?.criteria.twoMembersSign ?? false,
      ownerAmongApplicants: details?.criteria.ownerAmongApplicants ?? false,
      individualPerspective: details?.criteria.individualPerspective ?? false,
      individualPerspectiveStatement: details?.criteria.individualPerspectiveStatement ?? '',
    },
    budget,
  };
}

/** the owner first, then the partners, each once: whose signatories the application carries */
export function applicantsOf(form: Pick<ApplicationForm, 'ownerOrgId' | 'partnerOrgIds'>): string[] {
  return [...new Set([...(form.ownerOrgId === null ? [] : [form.ownerOrgId]), ...form.partnerOrgIds])];
}

const YEAR_LIMIT = 10;

function yearOf(date: string): number | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? Number(date.slice(0, 4)) : null;
}

/** the period's years (at most ten), or none while the period is incomplete */
export function periodYears(form: Pick<ApplicationForm, 'startDate' | 'endDate'>): number[] {
  const first = yearOf(form.startDate);
  const last = yearOf(form.endDate);
  if (first === null || last === null || last < first) {
    return [];
  }
  const years: number[] = [];
  for (let year = first; year <= Math.min(last, first + YEAR_LIMIT - 1); year += 1) {
    years.push(year);
  }
  return years;
}

/** years that have an amount typed but lie outside the period (the grid still shows them) */
export function yearsOutsidePeriod(form: ApplicationForm): number[] {
  const inPeriod = new Set(periodYears(form));
  const typed = Object.entries(form.budget)
    .filter(([, text]) => text.trim() !== '')
    .map(([key]) => Number(key.slice(0, 4)));
  return [...new Set(typed)].filter((year) => !inPeriod.has(year)).sort((a, b) => a - b);
}

/** the grid's columns: the period's years and any year that already has an amount */
export function gridYears(form: ApplicationForm): number[] {
  return [...new Set([...periodYears(form), ...yearsOutsidePeriod(form)])].sort((a, b) => a - b);
}

/** a typed amount as kronor: null when empty, 'invalid' with the reason when not an amount */
export function readAmount(text: string): { amount: number | null; problem: string | null } {
  if (text.trim() === '') {
    return { amount: null, problem: null };
  }
  const reading = readKronor(text);
  return reading.ok
    ? { amount: reading.amount, problem: null }
    : { amount: null, problem: kronorProblemText(reading.problem) };
}

/** the budget lines the grid holds (empty and zero cells are no line), in grid order */
export function budgetLinesOf(form: ApplicationForm): BudgetLineInput[] {
  const lines: BudgetLineInput[] = [];
  for (const year of gridYears(form)) {
    for (const category of BUDGET_CATEGORIES) {
      const { amount } = readAmount(form.budget[budgetKey(year, category)] ?? '');
      if (amount !== null && amount > 0) {
        lines.push({ year, category, amount });
      }
    }
  }
  return lines;
}

/** the field path of the server's `lines.<n>.amount`, given the lines that were sent */
export function budgetPathOfLine(path: string, sent: readonly BudgetLineInput[]): string {
  const match = /^lines\.(\d+)/.exec(path);
  const line = match === null ? undefined : sent[Number(match[1])];
  return line === undefined ? 'budget' : `budget.${line.year}.${line.category}`;
}

export type Texts = {
  readonly clientRequired: (label: string) => string;
  readonly clientCode: string;
  readonly clientNumber: string;
  readonly clientWhole: string;
  readonly clientDate: string;
  readonly clientPeriod: string;
};

type Collector = { errors: Record<string, string> };

function guarded(collector: Collector, path: string, label: string, text: string): string | null {
  const trimmed = text.trim();
  if (containsPersonalIdentityNumber(trimmed)) {
    collector.errors[path] = personalIdentityNumberMessage(label);
  }
  return trimmed === '' ? null : trimmed;
}

/** a Swedish decimal ("40", "40,5", "40 %") or null when empty; records a problem when neither */
function decimal(collector: Collector, path: string, text: string, whole: boolean, messages: Texts): number | null {
  const cleaned = text
    .replace(/[\s\u00a0]/g, '')
    .replace(/%$/, '')
    .replace(',', '.');
  if (cleaned === '') {
    return null;
  }
  const ok = whole ? /^\d+$/.test(cleaned) : /^\d+(\.\d+)?$/.test(cleaned);
  if (!ok) {
    collector.errors[path] = whole ? messages.clientWhole : messages.clientNumber;
    return null;
  }
  return Number(cleaned);
}

function dateOrNull(collector: Collector, path: string, text: string, messages: Texts): string | null {
  if (text === '') {
    return null;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    collector.errors[path] = messages.clientDate;
    return null;
  }
  return text;
}

export type ApplicationPayload = {
  readonly title: string;
  readonly kind: InterventionKind | null;
  readonly ownerOrgId: string | null;
  readonly partnerOrgIds: string[];
  readonly projectLeaderAadId: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly purpose: string | null;
  readonly background: string | null;
  readonly goals: string | null;
  readonly targetGroup: string | null;
  readonly methods: string | null;
  readonly staffing: string | null;
  readonly anchoring: string | null;
  readonly implementationPlan: string | null;
  readonly applicationDetails: unknown;
};

/**
 * The whole application as the API takes it, and the problems found on the way (a personnummer,
 * a number that is not one, a missing name). The server checks everything again.
 */
export function toPayload(
  form: ApplicationForm,
  messages: Texts,
): { payload: ApplicationPayload; lines: BudgetLineInput[]; errors: FieldErrors } {
  const collector: Collector = { errors: {} };
  const title = guarded(collector, 'title', 'Insatsens namn', form.title);
  if (title === null) {
    collector.errors.title = messages.clientRequired('Insatsens namn');
  }
  const texts = Object.fromEntries(
    TEXT_FIELDS.map((field) => [field, guarded(collector, field, TEXT_LABELS[field], form.texts[field])]),
  ) as Record<ApplicationTextField, string | null>;
  const startDate = dateOrNull(collector, 'startDate', form.startDate, messages);
  const endDate = dateOrNull(collector, 'endDate', form.endDate, messages);
  if (startDate !== null && endDate !== null && endDate <= startDate) {
    collector.errors.endDate = messages.clientPeriod;
  }
  const goals = form.goals.map((goal, index) => {
    const at = `applicationDetails.goals.${index}`;
    return {
      kind: goal.kind,
      text: guarded(collector, `${at}.text`, 'Mål', goal.text),
      indicator: guarded(collector, `${at}.indicator`, 'Indikator', goal.indicator),
      targetWomen: decimal(collector, `${at}.targetWomen`, goal.targetWomen, false, messages),
      targetMen: decimal(collector, `${at}.targetMen`, goal.targetMen, false, messages),
      date: dateOrNull(collector, `${at}.date`, goal.date, messages),
    };
  });
  const signatories = applicantsOf(form).map((memberOrgId, index) => {
    const signatory = form.signatories[memberOrgId] ?? { name: '', title: '' };
    const at = `applicationDetails.signatories.${index}`;
    return {
      memberOrgId,
      name: guarded(collector, `${at}.name`, 'Undertecknare', signatory.name),
      title: guarded(collector, `${at}.title`, 'Undertecknarens befattning', signatory.title),
    };
  });
  const applicationDetails = {
    goals,
    targetGroup: {
      criteria: guarded(
        collector,
        'applicationDetails.targetGroup.criteria',
        'Målgrupp: kriterier',
        form.targetCriteria,
      ),
      estimatedCount: decimal(
        collector,
        'applicationDetails.targetGroup.estimatedCount',
        form.estimatedCount,
        true,
        messages,
      ),
    },
    signatories,
    criteria: {
      applicantHasMandate: form.criteria.applicantHasMandate,
      twoMembersSign: form.criteria.twoMembersSign,
      ownerAmongApplicants: form.criteria.ownerAmongApplicants,
      individualPerspective: form.criteria.individualPerspective,
      individualPerspectiveStatement: guarded(
        collector,
        'applicationDetails.criteria.individualPerspectiveStatement',
        'Individens perspektiv',
        form.criteria.individualPerspectiveStatement,
      ),
    },
  };
  for (const year of gridYears(form)) {
    for (const category of BUDGET_CATEGORIES) {
      const { problem } = readAmount(form.budget[budgetKey(year, category)] ?? '');
      if (problem !== null) {
        collector.errors[`budget.${year}.${category}`] = problem;
      }
    }
  }
  const projectLeader = form.projectLeaderAadId.trim();
  return {
    payload: {
      title: title ?? '',
      kind: form.kind,
      ownerOrgId: form.ownerOrgId,
      partnerOrgIds: form.partnerOrgIds.filter((id) => id !== form.ownerOrgId),
      projectLeaderAadId: projectLeader === '' ? null : projectLeader,
      startDate,
      endDate,
      ...texts,
      applicationDetails,
    },
    lines: budgetLinesOf(form),
    errors: collector.errors,
  };
}

/** the new draft's body (POST /api/insatser): step 1's fields, and the code checked like the server does */
export function createBody(
  form: ApplicationForm,
  messages: Texts,
  mayChooseProjectLeader: boolean,
): { body: Record<string, unknown>; errors: FieldErrors } {
  const { payload, errors } = toPayload(form, messages);
  const stepOneErrors: Record<string, string> = Object.fromEntries(
    Object.entries(errors).filter(([path]) => ['title', 'startDate', 'endDate'].includes(path)),
  );
  if (!interventionCode.safeParse(form.code).success) {
    stepOneErrors.code = messages.clientCode;
  }
  const body: Record<string, unknown> = {
    title: payload.title,
    code: form.code,
    stage: 'Ansökan',
    kind: payload.kind,
    ownerOrgId: payload.ownerOrgId,
    partnerOrgIds: payload.partnerOrgIds,
    startDate: payload.startDate,
    endDate: payload.endDate,
  };
  if (mayChooseProjectLeader && payload.projectLeaderAadId !== null) {
    body.projectLeaderAadId = payload.projectLeaderAadId;
  }
  return { body, errors: stepOneErrors };
}

/**
 * Only what differs from the saved application (PATCH sends the changed fields): each field
 * compared as the API would store it, so re-typing the same text is no change.
 */
export function changedFields(current: ApplicationPayload, saved: ApplicationPayload): Partial<ApplicationPayload> {
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(current) as (keyof ApplicationPayload)[]) {
    if (JSON.stringify(current[key]) !== JSON.stringify(saved[key])) {
      changed[key] = current[key];
    }
  }
  return changed as Partial<ApplicationPayload>;
}

export function sameLines(a: readonly BudgetLineInput[], b: readonly BudgetLineInput[]): boolean {
  const text = (lines: readonly BudgetLineInput[]) =>
    lines
      .map((line) => `${line.year}|${line.category}|${line.amount}`)
      .sort()
      .join(';');
  return text(a) === text(b);
}
