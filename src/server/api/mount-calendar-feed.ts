/**
 * The calendar feed: `GET /kalender/:id/:file` answers the iCalendar text to whoever holds the
 * link (Outlook sends no credentials, the link is the secret); `GET /api/kalender` gives the
 * signed-in person their link and `POST /api/kalender/ny-lank` replaces it (the old one stops).
 */
import type { Request, Response, Server } from 'restify';
import { AppError } from '../../domain/app-error.ts';
import type { CalendarFeedDeps } from '../../services/calendar-feed/calendar-feed-deps.ts';
import {
  type CalendarLink,
  getCalendarLink,
  renewCalendarLink,
} from '../../services/calendar-feed/get-calendar-link.ts';
import { readCalendarFeed } from '../../services/calendar-feed/read-calendar-feed.ts';
import { sendError } from '../http-errors.ts';
import type { Logger } from '../logger.ts';
import { type IdentityDeps, resolveCaller } from './identity.ts';

export type CalendarFeedApiDeps = {
  readonly feed: CalendarFeedDeps;
  readonly identity: IdentityDeps;
  /** PUBLIC_BASE_URL; undefined: the address the request came in on */
  readonly publicBaseUrl: string | undefined;
  readonly logger: Logger;
};

function baseUrlOf(req: Request, configured: string | undefined): string {
  if (configured !== undefined) {
    return configured;
  }
  // App Service and most proxies say how the client reached us; locally it is plain http
  const forwardedProto = req.headers['x-forwarded-proto'];
  const proto = typeof forwardedProto === 'string' ? (forwardedProto.split(',')[0]?.trim() ?? 'http') : 'http';
  const host = req.headers.host ?? '127.0.0.1';
  return `${proto === 'https' ? 'https' : 'http'}://${host}`;
}

function linkAnswer(link: CalendarLink): Record<string, string | number> {
  return {
    url: link.url,
    webcalUrl: link.webcalUrl,
    version: link.version,
    instruktion:
      'Prenumerera i Outlook: Kalender → Lägg till kalender → Prenumerera från webben, och klistra in länken. Länken är personlig: dela den inte. Behöver du en ny, be om en ny länk så slutar den gamla att fungera.',
  };
}

export function mountCalendarFeed(server: Server, deps: CalendarFeedApiDeps): void {
  server.get('/kalender/:id/:file', async (req: Request, res: Response) => {
    try {
      const file = String(req.params?.file ?? '');
      if (!file.endsWith('.ics')) {
        throw new AppError('NOT_FOUND', 'not an .ics file', { userMessage: 'Kalendern finns inte.' });
      }
      const text = await readCalendarFeed(deps.feed, String(req.params?.id ?? ''), file.slice(0, -'.ics'.length));
      res.writeHead(200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'inline; filename="insatsnavet.ics"',
        // personal data: no shared cache may keep it
        'cache-control': 'private, max-age=900',
      });
      res.end(text);
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  });

  server.get('/api/kalender', async (req: Request, res: Response) => {
    try {
      const actor = await resolveCaller(req, deps.identity);
      const link = await getCalendarLink(deps.feed, actor.aadObjectId, baseUrlOf(req, deps.publicBaseUrl));
      res.status(200);
      res.json(linkAnswer(link));
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  });

  server.post('/api/kalender/ny-lank', async (req: Request, res: Response) => {
    try {
      const actor = await resolveCaller(req, deps.identity);
      const link = await renewCalendarLink(deps.feed, actor.aadObjectId, baseUrlOf(req, deps.publicBaseUrl));
      res.status(200);
      res.json(linkAnswer(link));
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  });
}
