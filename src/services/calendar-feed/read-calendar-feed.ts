/**
 * GET /kalender/<id>/<token>.ics: the feed for whoever holds the link. A wrong token, an old
 * (renewed) link or a person who no longer has a role all answer NOT_FOUND, the same way, so the
 * URL reveals nothing about who exists.
 */
import { AppError } from '../../domain/app-error.ts';
import type { CalendarFeedDeps } from './calendar-feed-deps.ts';
import { isValidFeedToken } from './feed-token.ts';
import { readFeedVersion } from './feed-version.ts';
import { listCalendarEvents } from './list-calendar-events.ts';
import { renderCalendar } from './render-calendar.ts';

const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/;
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'calendar feed link not valid', {
    userMessage: 'Kalenderlänken är inte giltig. Hämta en ny länk i Insatsnavet (skriv "kalender" till boten).',
  });
}

export async function readCalendarFeed(deps: CalendarFeedDeps, aadObjectId: string, token: string): Promise<string> {
  const id = aadObjectId.toLowerCase();
  if (!GUID.test(id) || !TOKEN.test(token)) {
    throw notFound();
  }
  const version = await readFeedVersion(deps.repos.settings, id);
  if (!isValidFeedToken(deps.secret, id, version, token)) {
    throw notFound();
  }
  const roles = await deps.repos.roleAssignments.listByAadObjectId(id);
  const name = roles[0]?.name;
  if (name === undefined) {
    throw notFound();
  }
  const events = await listCalendarEvents(deps, id);
  return renderCalendar({ personName: name, events, generatedAt: deps.clock.now() });
}
