import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/domain/app-error.ts';
import { mapGraphError, mapTransportError } from '../../../../src/sharepoint/graph/map-graph-error.ts';

const body = (code: string, message: string) => ({
  error: { code, message, innerError: { date: '2026-01-01T00:00:00', 'request-id': 'r' } },
});

describe('mapGraphError', () => {
  it.each([
    [400, 'invalidRequest', 'INVALID_INPUT', 400],
    [401, 'unauthenticated', 'UNAUTHENTICATED', 401],
    [403, 'accessDenied', 'FORBIDDEN', 403],
    [404, 'itemNotFound', 'NOT_FOUND', 404],
    [409, 'nameAlreadyExists', 'CONFLICT', 409],
    [412, 'resourceModified', 'PRECONDITION_FAILED', 412],
    [429, 'TooManyRequests', 'THROTTLED', 503],
    [503, 'serviceNotAvailable', 'THROTTLED', 503],
    [504, 'gatewayTimeout', 'THROTTLED', 503],
    [500, 'generalException', 'UPSTREAM_FAILED', 502],
    [502, 'badGateway', 'UPSTREAM_FAILED', 502],
    [413, 'requestTooLarge', 'UPSTREAM_FAILED', 502],
    [424, 'failedDependency', 'UPSTREAM_FAILED', 502],
  ] as const)('maps %i %s to %s', (status, graphCode, code, httpStatus) => {
    const error = mapGraphError({
      status,
      body: body(graphCode, 'Graph says no'),
      method: 'PATCH',
      path: '/sites/s/lists/l/items/1/fields',
    });
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe(code);
    expect(error.httpStatus).toBe(httpStatus);
    expect(error.details).toEqual({
      status,
      graphCode,
      graphMessage: 'Graph says no',
      method: 'PATCH',
      path: '/sites/s/lists/l/items/1/fields',
    });
    expect(error.message).toContain(`${status} ${graphCode}: Graph says no`);
  });

  it('keeps the start of a body that is not Graph JSON', () => {
    const error = mapGraphError({ status: 502, body: '<html>Bad gateway</html>', method: 'GET', path: '/sites/root' });
    expect(error.details).toMatchObject({
      status: 502,
      graphCode: undefined,
      graphMessage: '<html>Bad gateway</html>',
    });
  });

  it('copes with an empty body', () => {
    const error = mapGraphError({ status: 404, body: undefined, method: 'DELETE', path: '/x' });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.details).toMatchObject({ graphCode: undefined, graphMessage: undefined });
  });

  it('says how often throttling was retried', () => {
    const error = mapGraphError({
      status: 429,
      body: body('TooManyRequests', 'slow down'),
      method: 'GET',
      path: '/x',
      retries: 5,
    });
    expect(error.message).toContain('after 5 retries');
    expect(error.details).toMatchObject({ retries: 5 });
  });

  it('never puts Graph details in what an HTTP edge sends for a 5xx', () => {
    const error = mapGraphError({
      status: 503,
      body: body('serviceNotAvailable', 'internal detail'),
      method: 'GET',
      path: '/x',
    });
    expect(JSON.stringify(error.toJSON())).not.toContain('internal detail');
  });
});

describe('mapTransportError', () => {
  it('maps a network failure to UPSTREAM_FAILED', () => {
    const error = mapTransportError(new TypeError('fetch failed'), 'GET', '/sites/root');
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.message).toContain('fetch failed');
    expect(error.details).toMatchObject({ method: 'GET', path: '/sites/root' });
  });

  it('recognises a timeout, also when the SDK wrapped it', () => {
    const wrapped = Object.assign(new Error('The operation was aborted due to timeout'), { code: 'TimeoutError' });
    expect(mapTransportError(wrapped, 'GET', '/x').message).toContain('timed out');
  });
});
