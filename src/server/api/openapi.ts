/**
 * The OpenAPI 3.1 document of the register's API, generated from the same zod schemas the routes
 * parse with (zod 4's toJSONSchema), so the document cannot describe an API that does not exist.
 */
import { z } from 'zod';
import { errorResponseSchema } from '../../contracts/register-responses.ts';
import type { RouteDocumentation } from './route-definitions.ts';

type JsonObject = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  400: 'Ogiltig begäran; details.fields har ett meddelande per fält',
  401: 'Inte inloggad, eller inte i förbundets rollista',
  403: 'Inte behörig; skälet står i meddelandet',
  404: 'Finns inte',
  409: 'Går inte i insatsens nuvarande läge; details.reasons säger varför',
  412: 'Insatsen eller rekvisitionen har ändrats sedan den lästes (etag)',
  413: 'Filen är för stor',
  415: 'Fel innehållstyp (Content-Type)',
  429: 'För många anrop; Retry-After säger hur många sekunder det dröjer',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  return z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonObject;
}

function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

function queryParameters(schema: z.ZodType | undefined): JsonObject[] {
  if (schema === undefined) {
    return [];
  }
  const properties = (jsonSchema(schema, 'input').properties ?? {}) as Record<string, JsonObject>;
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    schema: property,
  }));
}

export function buildOpenApiDocument(routes: readonly RouteDocumentation[]): JsonObject {
  const error = {
    description: '',
    content: { 'application/json': { schema: jsonSchema(errorResponseSchema, 'output') } },
  };
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    const parameters = [
      ...[...route.path.matchAll(/:(\w+)/g)].map((match) => ({
        name: match[1],
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      ...queryParameters(route.query),
    ];
    const responses: Record<string, JsonObject> = {
      [String(route.status)]: {
        description: 'OK',
        content:
          route.responseMediaType === undefined
            ? { 'application/json': { schema: jsonSchema(route.response, 'output') } }
            : { [route.responseMediaType]: { schema: { type: 'string', contentMediaType: route.responseMediaType } } },
      },
    };
    for (const status of [...(route.anonymous === true ? [] : [400, 401]), ...route.errors]) {
      responses[String(status)] = { ...error, description: STATUS_TEXT[status] ?? 'Fel' };
    }
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      security: route.anonymous === true ? [] : [{ devBearer: [] }, { devHeader: [] }],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.bodyMediaType !== undefined
        ? {
            requestBody: {
              required: true,
              content: { [route.bodyMediaType]: { schema: { type: 'string', contentMediaType: route.bodyMediaType } } },
            },
          }
        : route.body === undefined
          ? {}
          : {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
              },
            }),
      responses,
    };
  }
  paths['/api/openapi.json'] = {
    get: { summary: 'Det här dokumentet', responses: { '200': { description: 'OpenAPI 3.1' } } },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Insatsnavet – insatsregistret',
      version: '0.1.0',
      description:
        'Insatsregistrets API: insatser, ansökan, livscykel, registervy och avvikelser. Fel svaras alltid som { error: { code, message, details? } }.',
    },
    paths,
    components: {
      securitySchemes: {
        devBearer: { type: 'http', scheme: 'bearer', description: 'AUTH_MODE=dev: "Bearer dev:<Entra-id>"' },
        devHeader: { type: 'apiKey', in: 'header', name: 'X-Insatsnavet-User', description: 'AUTH_MODE=dev: Entra-id' },
      },
    },
  };
}
