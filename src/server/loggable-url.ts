/**
 * The URL as a request's log line shows it. The raw URL can carry what must not be logged: a
 * personal calendar link's secret (`/kalender/<id>/<token>.ics` — the link is the credential), and
 * whatever someone typed into a query or a path, a personnummer in the search box included (the
 * guard refuses it, but the request line was logged first). So the log keeps the path — the
 * route's pattern when the path holds a personnummer — and only the names of the query parameters.
 */
import { containsPersonalIdentityNumber } from '../domain/personal-data/personal-identity-number.ts';

const CALENDAR_FEED = /^\/kalender\//;
/** a query parameter's name as a developer would write it; anything else is shown as `…` */
const PLAIN_NAME = /^[\w.[\]-]{1,40}$/;

export function loggableUrl(url: string, routePattern?: string): string {
  const [rawPath = '', query] = url.split(/\?(.*)/s);
  let path = rawPath;
  if (CALENDAR_FEED.test(path)) {
    path = '/kalender/…';
  } else if (containsPersonalIdentityNumber(safeDecode(path))) {
    path = routePattern ?? '/…';
  }
  if (query === undefined || query === '') {
    return path;
  }
  const names = query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const name = safeDecode(pair.split('=')[0] ?? '');
      return PLAIN_NAME.test(name) && !containsPersonalIdentityNumber(name) ? `${name}=…` : '…';
    });
  return `${path}?${names.slice(0, 20).join('&')}${names.length > 20 ? '&…' : ''}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}
