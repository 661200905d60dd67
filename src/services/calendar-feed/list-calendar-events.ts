/**
 * The dates a person's calendar should hold: the invoice deadlines of the insatser they invoice
 * for (the kansli: every insats that invoices), the approvals waiting for their answer, and the
 * meetings of the bodies they sit in, with the paper deadline for the kansli. Read-only.
 */

import { addDays } from '../../domain/calendar/iso-date.ts';
import { todayIn } from '../../domain/calendar/today.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Meeting } from '../../domain/entities/meeting.ts';
import { dueDateOfQuarter, effectiveDueRule } from '../../domain/invoicing/due-rule.ts';
import { INVOICING_STAGES } from '../../domain/invoicing/next-deadline.ts';
import { periodKeyOf, quarterPeriodText, quartersOfPeriod } from '../../domain/invoicing/quarters.ts';
import { BOARD_ROLES, KANSLI_ROLES, type Role } from '../../domain/vocabulary.ts';
import { listPendingApprovals } from '../bot-queries/list-pending-approvals.ts';
import { readPersonRoles } from '../bot-queries/person-roles.ts';
import { readDueRule } from '../bot-queries/read-due-rule.ts';
import type { CalendarFeedDeps } from './calendar-feed-deps.ts';

export type CalendarEvent = {
  /** stable, so a calendar that polls again updates the event instead of adding a copy */
  readonly uid: string;
  /** an all-day event on this date */
  readonly date: string;
  readonly summary: string;
  readonly description: string;
  readonly category: 'Faktura' | 'Beslut' | 'Sammanträde' | 'Handlingar';
};

/** how far back and ahead the feed reaches: a past quarter is still useful, five years of dates are not */
export const FEED_DAYS_BACK = 92;
export const FEED_DAYS_AHEAD = 548;

/** the statuses where the invoice is still awaited from the insats */
const AWAITED = new Set(['Förväntad', 'Avvisad']);

/** the roles that invoice for an insats: a styrgrupp member follows it but does not send invoices */
const INVOICING_ROLES: readonly Role[] = ['Projektledare', 'Projektägare'];

export async function listCalendarEvents(deps: CalendarFeedDeps, aadObjectId: string): Promise<CalendarEvent[]> {
  const today = todayIn(deps.clock, deps.timeZone);
  const from = addDays(today, -FEED_DAYS_BACK);
  const to = addDays(today, FEED_DAYS_AHEAD);
  const person = await readPersonRoles(deps.repos, aadObjectId, today);
  const governance = new Set(person.governanceRoles);
  const isKansli = KANSLI_ROLES.some((role) => governance.has(role));

  const invoicing: Intervention[] = isKansli
    ? await deps.repos.interventions.listByStages(INVOICING_STAGES)
    : person.insatser
        .filter((entry) => entry.roles.some((role) => INVOICING_ROLES.includes(role)))
        .map((entry) => entry.intervention)
        .filter((intervention) => INVOICING_STAGES.includes(intervention.stage));

  const [invoices, approvals, meetings] = await Promise.all([
    invoiceEvents(deps, invoicing, from, to),
    approvalEvents(deps, aadObjectId, from, to),
    deps.repos.meetings.listBetween(from, to),
  ]);
  const myInsatser = new Set(person.insatser.map((entry) => entry.intervention.id));
  const events = [
    ...invoices,
    ...approvals,
    ...meetingEvents(meetings, { governance, isKansli, myInsatser }, from, to),
  ];
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.summary.localeCompare(b.summary, 'sv'));
}

async function invoiceEvents(
  deps: CalendarFeedDeps,
  insatser: readonly Intervention[],
  from: string,
  to: string,
): Promise<CalendarEvent[]> {
  const forbundRule = await readDueRule(deps.repos.settings);
  const rows = await Promise.all(
    insatser.map((intervention) => deps.repos.requisitions.listByIntervention(intervention.id)),
  );
  const events: CalendarEvent[] = [];
  for (const [index, intervention] of insatser.entries()) {
    if (intervention.startDate === null || intervention.endDate === null) {
      continue;
    }
    const { rule } = effectiveDueRule(intervention, forbundRule);
    const byKey = new Map((rows[index] ?? []).map((row) => [row.periodKey, row] as const));
    for (const quarter of quartersOfPeriod(intervention.startDate, intervention.endDate)) {
      const periodKey = periodKeyOf(intervention.code, quarter);
      const row = byKey.get(periodKey);
      if (row !== undefined && !AWAITED.has(row.status)) {
        continue;
      }
      // the row's DueDate is the one reminders use (the kansli may have moved it); else the rule's
      const date = row?.dueDate ?? dueDateOfQuarter(quarter, rule);
      if (date < from || date > to) {
        continue;
      }
      const period = quarterPeriodText(quarter);
      events.push({
        uid: `faktura-${periodKey}@insatsnavet`,
        date,
        category: 'Faktura',
        summary: `Faktura ${intervention.code}, ${period}${row?.status === 'Avvisad' ? ' (avvisad – skicka en ny)' : ''}`,
        description: [
          `Sista dag för fakturan från ${intervention.title} för ${period}.`,
          'Fakturan ska ange insatsens namn, perioden och en specifikation per budgetpost.',
          `Periodnyckel: ${periodKey}.`,
        ].join('\n'),
      });
    }
  }
  return events;
}

async function approvalEvents(
  deps: CalendarFeedDeps,
  aadObjectId: string,
  from: string,
  to: string,
): Promise<CalendarEvent[]> {
  const pending = await listPendingApprovals(
    { ...deps.repos, clock: deps.clock, timeZone: deps.timeZone },
    aadObjectId,
  );
  if (pending.kind !== 'approvals') {
    return [];
  }
  return pending.items.flatMap((item): CalendarEvent[] => {
    const due = item.approval.dueDate;
    if (due === null || due < from || due > to) {
      return [];
    }
    const insats = item.interventionCode === null ? '' : ` (${item.interventionCode})`;
    return [
      {
        uid: `beslut-${item.approval.id}@insatsnavet`,
        date: due,
        category: 'Beslut',
        summary: `Svara senast: ${item.approval.title}${insats}`,
        description: `${item.approval.subject} – beslut av ${item.approval.stage.toLowerCase()}, där du röstar som ${item.asRole.toLowerCase()}. Svara på kortet i Teams eller skriv "att besluta" till Insatsnavet.`,
      },
    ];
  });
}

type Membership = {
  readonly governance: ReadonlySet<Role>;
  readonly isKansli: boolean;
  readonly myInsatser: ReadonlySet<string>;
};

function attends(meeting: Meeting, who: Membership): boolean {
  if (who.isKansli) {
    return true;
  }
  switch (meeting.body) {
    case 'Styrelse':
      return BOARD_ROLES.some((role) => who.governance.has(role));
    case 'Beredningsgrupp':
      return who.governance.has('Beredningsgrupp');
    case 'Styrgrupp':
      return meeting.interventionId !== null && who.myInsatser.has(meeting.interventionId);
  }
}

function meetingEvents(meetings: readonly Meeting[], who: Membership, from: string, to: string): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  for (const meeting of meetings) {
    if (!attends(meeting, who)) {
      continue;
    }
    events.push({
      uid: `mote-${meeting.id}@insatsnavet`,
      date: meeting.date,
      category: 'Sammanträde',
      summary: meeting.title,
      description: `Sammanträde: ${meeting.body.toLowerCase()}.${meeting.papersDue === null ? '' : ` Handlingarna ska vara klara ${meeting.papersDue}.`}`,
    });
    // the paper deadline is the kansli's to meet
    if (who.isKansli && meeting.papersDue !== null && meeting.papersDue >= from && meeting.papersDue <= to) {
      events.push({
        uid: `handlingar-${meeting.id}@insatsnavet`,
        date: meeting.papersDue,
        category: 'Handlingar',
        summary: `Handlingar senast: ${meeting.title}`,
        description: `Sista dag för handlingarna till sammanträdet ${meeting.date}.`,
      });
    }
  }
  return events;
}
