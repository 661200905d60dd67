/**
 * The agreements API (issue 8), for the tab:
 * - POST /api/insatser/:id/avtal/signering — the kansli starts the signing (JSON, as data below)
 * - POST /api/insatser/:id/avtal — a signed scan, the raw PDF as the body (`?filnamn=`, `?signerat=`)
 * - POST /api/avtal/kontroll — is this file a filed agreement? The raw bytes as the body
 * - GET  /api/avtal/:driveItemId/fil — the PDF, inline, to whoever may read it; cards link here
 *   with a link signed for their reader (agreement-link.ts), the tab with its sign-in header
 * The upload routes read their own bodies (up to 20 MB, PDF): the server's JSON reader stands
 * aside for them (readsOwnBody). Same identity, rate limit, error shape and OpenAPI as the rest.
 */
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import {
  agreementVerificationSchema,
  signedAgreementFiledSchema,
  signingStartedSchema,
} from '../../contracts/agreement-responses.ts';
import { AppError } from '../../domain/app-error.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import { personOfLink } from '../../services/agreements/agreement-link.ts';
import { authorizeAgreementFiling, fileSignedAgreement } from '../../services/agreements/file-signed-agreement.ts';
import { MAX_AGREEMENT_BYTES } from '../../services/agreements/pdf-check.ts';
import { readAgreementFile } from '../../services/agreements/read-agreement-file.ts';
import { startAgreementSigning } from '../../services/agreements/start-agreement-signing.ts';
import { verifyAgreementFile } from '../../services/agreements/verify-agreement-file.ts';
import type { ApprovalDeps } from '../../services/approvals/approval-deps.ts';
import { sendError } from '../http-errors.ts';
import type { Logger } from '../logger.ts';
import { type IdentityDeps, resolveCaller, throttleByAddress } from './identity.ts';
import { mountRoutes } from './mount-routes.ts';
import { readRawBody, sendRawBodyRefusal } from './raw-body.ts';
import type { RouteDefinitionWith, RouteDocumentation } from './route-definitions.ts';

export const AGREEMENT_ROUTES: readonly RouteDefinitionWith<ApprovalDeps>[] = [
  {
    method: 'post',
    path: '/api/insatser/:id/avtal/signering',
    summary:
      'Starta signeringen av samarbetsavtalet (kansliet): utkastet upprättas och arkiveras Under signering, ett beslutsärende till parternas firmatecknare (alla ska godkänna) öppnas och korten skickas; insatsen ska vara i skedet Avtal',
    status: 201,
    response: signingStartedSchema,
    errors: [403, 404, 409],
    handle: (context) => startAgreementSigning(context.deps, context.actor.aadObjectId, context.params.id ?? ''),
  },
];

const PDF_TYPES = ['application/pdf', 'application/octet-stream'] as const;
const TOO_LARGE = `Filen är för stor (högst ${MAX_AGREEMENT_BYTES / 1024 / 1024} MB).`;

/** the raw-body and file routes, for the OpenAPI document (they are mounted by hand below) */
export const AGREEMENT_FILE_ROUTES: readonly RouteDocumentation[] = [
  {
    method: 'post',
    path: '/api/insatser/:id/avtal',
    summary:
      'Arkivera ett signerat samarbetsavtal (inskannat): PDF som kropp (Content-Type application/pdf, högst 20 MB), ?filnamn= och ?signerat=ÅÅÅÅ-MM-DD (annars i dag). Arkiveras Signerat med SHA-256; samma namn igen får ett eget namn (2); ett tidigare signerat avtal markeras Ersatt; Avtal → Uppstart. Kansliet och insatsens projektägare',
    query: z.object({
      filnamn: z.string().optional().describe('filens namn, t.ex. Samarbetsavtal SAMUTB.pdf'),
      signerat: z.string().optional().describe('när sista parten skrev under, ÅÅÅÅ-MM-DD; högst i dag'),
    }),
    bodyMediaType: 'application/pdf',
    status: 201,
    response: signedAgreementFiledSchema,
    errors: [403, 404, 409, 413, 415],
  },
  {
    method: 'post',
    path: '/api/avtal/kontroll',
    summary:
      'Kontrollera en fil: SHA-256 och om den stämmer med ett arkiverat avtal, vilket och vem som undertecknade. Den som får läsa insatsen (eller undertecknade) ser detaljerna; andra får bara veta att filen stämmer med ett arkiverat avtal',
    bodyMediaType: 'application/pdf',
    status: 200,
    response: agreementVerificationSchema,
    errors: [413, 415],
  },
  {
    method: 'get',
    path: '/api/avtal/:driveItemId/fil',
    summary:
      'Avtalets PDF (inline) för den som får läsa insatsen eller undertecknar avtalet; kortens länkar bär en personlig signerad nyckel (?vem=&till=&nyckel=) i stället för inloggning',
    status: 200,
    response: z.string(),
    responseMediaType: 'application/pdf',
    errors: [403, 404],
  },
];

const UPLOAD_PATH = /^\/api\/insatser\/[^/]+\/avtal\/?$/;
const VERIFY_PATH = /^\/api\/avtal\/kontroll\/?$/;

/** the requests whose bodies these routes read themselves (the JSON reader must leave them be) */
export function readsOwnBody(req: Request): boolean {
  const path = req.getPath();
  return req.method === 'POST' && (UPLOAD_PATH.test(path) || VERIFY_PATH.test(path));
}

export type AgreementApiDeps = {
  readonly identity: IdentityDeps;
  readonly approvals: ApprovalDeps;
  readonly logger: Logger;
  /** the signing key of the cards' file links; absent: only signed-in callers get files */
  readonly links?: { readonly secret: string; readonly clock: Clock };
};

function queryText(req: Request, name: string): string | null {
  const value = (req.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : null;
}

/** `inline; filename="…"; filename*=UTF-8''…`: a plain ASCII name and the real one */
function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_');
  return `inline; filename="${ascii === '' ? 'avtal.pdf' : ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function mountAgreementRoutes(server: Server, deps: AgreementApiDeps): void {
  mountRoutes(server, AGREEMENT_ROUTES, { identity: deps.identity, deps: deps.approvals, logger: deps.logger });
  const raw = { maxBytes: MAX_AGREEMENT_BYTES, types: PDF_TYPES, tooLarge: TOO_LARGE };

  server.post('/api/insatser/:id/avtal', async (req: Request, res: Response) => {
    try {
      const actor = await resolveCaller(req, deps.identity);
      const interventionId = String(req.params?.id ?? '');
      // who may file is settled before a byte of the file is read
      await authorizeAgreementFiling(deps.approvals, actor, interventionId);
      const content = await readRawBody(req, raw);
      const filed = await fileSignedAgreement(deps.approvals, actor, {
        interventionId,
        fileName: queryText(req, 'filnamn'),
        signedDate: queryText(req, 'signerat'),
        content,
      });
      res.status(201);
      res.json(signedAgreementFiledSchema.parse(filed));
    } catch (error) {
      if (!sendRawBodyRefusal(res, error)) {
        req.resume();
        sendError(res, error, deps.logger);
      }
    }
  });

  server.post('/api/avtal/kontroll', async (req: Request, res: Response) => {
    try {
      const actor = await resolveCaller(req, deps.identity);
      const content = await readRawBody(req, raw);
      const verification = await verifyAgreementFile(deps.approvals, actor, content);
      res.status(200);
      res.json(agreementVerificationSchema.parse(verification));
    } catch (error) {
      if (!sendRawBodyRefusal(res, error)) {
        req.resume();
        sendError(res, error, deps.logger);
      }
    }
  });

  server.get('/api/avtal/:driveItemId/fil', async (req: Request, res: Response) => {
    try {
      const driveItemId = String(req.params?.driveItemId ?? '');
      const actor = await callerOfFileRoute(req, driveItemId, deps);
      const { file, content } = await readAgreementFile(deps.approvals, actor, driveItemId);
      res.writeHead(200, {
        'content-type': 'application/pdf',
        'content-length': content.byteLength,
        'content-disposition': contentDisposition(file.name),
        // an agreement may hold personal data: no shared cache, and not kept by the browser either
        'cache-control': 'private, no-store',
      });
      res.end(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  });
}

/**
 * Who asks for a file: the person a card's signed link was made for (when the link is genuine and
 * unexpired), else the signed-in caller (the tab's header). A forged or expired link is a 401.
 */
async function callerOfFileRoute(req: Request, driveItemId: string, deps: AgreementApiDeps): Promise<Actor> {
  const nyckel = queryText(req, 'nyckel');
  if (nyckel === null) {
    return resolveCaller(req, deps.identity);
  }
  throttleByAddress(req, deps.identity);
  const person =
    deps.links === undefined
      ? null
      : personOfLink(deps.links, driveItemId, {
          vem: queryText(req, 'vem') ?? '',
          till: queryText(req, 'till') ?? '',
          nyckel,
        });
  if (person === null) {
    throw new AppError('UNAUTHENTICATED', 'bad or expired file link', {
      userMessage: 'Länken till avtalet är ogiltig eller har gått ut. Öppna kortet i Teams igen så får du en ny länk.',
    });
  }
  const actor = await deps.identity.loadActor(person);
  if (actor === null) {
    throw new AppError('UNAUTHENTICATED', `no role for ${person}`, {
      userMessage: 'Du finns inte i förbundets rollista (Roller) och kan inte läsa avtalet.',
    });
  }
  return actor;
}
