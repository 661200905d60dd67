/**
 * The insats register's API under /api (restify). Each route: who is calling → parse the input
 * with zod → one use case → parse the answer → JSON. Errors go through sendError, so every route
 * answers in the one error shape.
 */

import {
  anomaliesResponseSchema,
  budgetResponseSchema,
  interventionDetailResponseSchema,
  interventionListResponseSchema,
  interventionResponseSchema,
  meResponseSchema,
  registerResponseSchema,
} from '../../contracts/register-responses.ts';
import { AppError } from '../../domain/app-error.ts';
import { createDraft } from '../../services/register/create-draft.ts';
import { describeMe } from '../../services/register/describe-me.ts';
import { getIntervention } from '../../services/register/get-intervention.ts';
import { listAnomalies } from '../../services/register/list-anomalies.ts';
import { listInterventions } from '../../services/register/list-interventions.ts';
import { readRegister } from '../../services/register/read-register.ts';
import { replaceBudget } from '../../services/register/replace-budget.ts';
import { submitApplication } from '../../services/register/submit-application.ts';
import { transitionIntervention } from '../../services/register/transition-intervention.ts';
import { updateDraft } from '../../services/register/update-draft.ts';
import {
  budgetBodySchema,
  createDraftBodySchema,
  listQuerySchema,
  transitionBodySchema,
  updateDraftBodySchema,
} from './request-schemas.ts';
import type { RouteContext, RouteDefinition } from './route-definitions.ts';
import { parseInput } from './validate.ts';

function idOf(context: RouteContext): string {
  const id = context.params.id;
  if (id === undefined) {
    throw new AppError('NOT_FOUND', 'no id in path');
  }
  return id;
}

export const REGISTER_ROUTES: readonly RouteDefinition[] = [
  {
    method: 'get',
    path: '/api/insatser',
    summary: 'Lista insatser (filter: skede, agare, ar, sok); projektledare ser sina egna, kansli och styrelse alla',
    query: listQuerySchema,
    status: 200,
    response: interventionListResponseSchema,
    errors: [],
    handle: async (context) => {
      const query = parseInput(listQuerySchema, context.query, 'Sökvillkoren');
      const insatser = await listInterventions(context.deps, context.actor, {
        stage: query.skede,
        ownerOrgId: query.agare,
        year: query.ar,
        search: query.sok,
      });
      return { insatser };
    },
  },
  {
    method: 'post',
    path: '/api/insatser',
    summary: 'Ny insats som idé eller ansökningsutkast',
    body: createDraftBodySchema,
    status: 201,
    response: interventionResponseSchema,
    errors: [409],
    handle: async (context) => {
      const body = parseInput(createDraftBodySchema, context.body);
      return { insats: await createDraft(context.deps, context.actor, body) };
    },
  },
  {
    method: 'get',
    path: '/api/insatser/:id',
    summary:
      'En insats med budget, rekvisitioner, beslutsärenden och röster, dokument, avtal, möjliga nästa skeden, personerna med roller i den, organisationernas namn, händelseloggen och skedeshistoriken',
    status: 200,
    response: interventionDetailResponseSchema,
    errors: [403, 404],
    handle: async (context) => {
      const { intervention, ...rest } = await getIntervention(context.deps, context.actor, idOf(context));
      return { insats: intervention, ...rest };
    },
  },
  {
    method: 'patch',
    path: '/api/insatser/:id',
    summary: 'Spara ändringar i ett utkast (sökande, kansli) eller i registeruppgifter (kansli); etag eller If-Match',
    body: updateDraftBodySchema,
    status: 200,
    response: interventionResponseSchema,
    errors: [403, 404, 409, 412],
    handle: async (context) => {
      const { etag, ...fields } = parseInput(updateDraftBodySchema, context.body);
      const insats = await updateDraft(context.deps, context.actor, {
        interventionId: idOf(context),
        fields,
        etag: etag ?? context.ifMatch,
      });
      return { insats };
    },
  },
  {
    method: 'put',
    path: '/api/insatser/:id/budget',
    summary: 'Ersätt utkastets budgetposter (per år och budgetpost)',
    body: budgetBodySchema,
    status: 200,
    response: budgetResponseSchema,
    errors: [403, 404, 409],
    handle: async (context) => {
      const body = parseInput(budgetBodySchema, context.body);
      const budgetLines = await replaceBudget(context.deps, context.actor, idOf(context), body.lines);
      return { budgetLines, total: budgetLines.reduce((sum, line) => sum + line.amount, 0) };
    },
  },
  {
    method: 'post',
    path: '/api/insatser/:id/skicka-in',
    summary: 'Skicka in ansökan (→ Inkommen, med diarienummer); 409 listar allt som saknas',
    status: 200,
    response: interventionResponseSchema,
    errors: [403, 404, 409],
    handle: async (context) => ({ insats: await submitApplication(context.deps, context.actor, idOf(context)) }),
  },
  {
    method: 'post',
    path: '/api/insatser/:id/skede',
    summary: 'Flytta insatsen till ett annat skede enligt livscykelns regler',
    body: transitionBodySchema,
    status: 200,
    response: interventionResponseSchema,
    errors: [403, 404, 409],
    handle: async (context) => {
      const body = parseInput(transitionBodySchema, context.body);
      const insats = await transitionIntervention(context.deps, context.actor, {
        interventionId: idOf(context),
        to: body.till,
        comment: body.kommentar ?? null,
      });
      return { insats };
    },
  },
  {
    method: 'get',
    path: '/api/register',
    summary: 'Kansliets registervy: skede, ägare, period, beviljat, fakturerat hittills, nästa frist, avvikelser',
    status: 200,
    response: registerResponseSchema,
    errors: [403],
    handle: (context) => readRegister(context.deps, context.actor),
  },
  {
    method: 'get',
    path: '/api/avvikelser',
    summary: 'Avvikelser i registret (rapporteras, rättas aldrig automatiskt)',
    status: 200,
    response: anomaliesResponseSchema,
    errors: [],
    handle: async (context) => ({ avvikelser: await listAnomalies(context.deps, context.actor) }),
  },
  {
    method: 'get',
    path: '/api/me',
    summary: 'Vem är jag: namn och roller',
    status: 200,
    response: meResponseSchema,
    errors: [],
    handle: (context) => describeMe(context.deps, context.actor),
  },
];
