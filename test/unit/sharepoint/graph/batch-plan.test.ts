import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/domain/app-error.ts';
import { planBatchChunks } from '../../../../src/sharepoint/graph/batch-plan.ts';
import type { GraphBatchRequest } from '../../../../src/sharepoint/graph/graph-client.ts';

const get = (id: string, dependsOn?: string[]): GraphBatchRequest => ({
  id,
  method: 'GET',
  url: `/x/${id}`,
  ...(dependsOn === undefined ? {} : { dependsOn }),
});

const ids = (chunks: GraphBatchRequest[][]) => chunks.map((chunk) => chunk.map((request) => request.id));

function expectInternal(run: () => unknown, message: RegExp): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INTERNAL');
    expect((error as AppError).message).toMatch(message);
    return;
  }
  throw new Error('expected an AppError');
}

describe('planBatchChunks', () => {
  it('packs independent requests 20 to an envelope', () => {
    const requests = Array.from({ length: 45 }, (_, index) => get(String(index)));
    expect(planBatchChunks(requests).map((chunk) => chunk.length)).toEqual([20, 20, 5]);
  });

  it('sends each dependsOn chain alone, in dependency order, since Graph rejects a mixed envelope', () => {
    const chunks = planBatchChunks([get('a'), get('c2', ['c1']), get('b'), get('c1'), get('c3', ['c2']), get('d')]);
    expect(ids(chunks)).toEqual([
      ['c1', 'c2', 'c3'],
      ['a', 'b', 'd'],
    ]);
  });

  it('keeps requests that all depend on one together', () => {
    const chunks = planBatchChunks([get('x', ['root']), get('root'), get('y', ['root'])]);
    expect(ids(chunks)).toEqual([['root', 'x', 'y']]);
  });

  it('allows a chain of exactly 20 and refuses 21', () => {
    const chain = (length: number) =>
      Array.from({ length }, (_, index) => get(String(index), index === 0 ? undefined : [String(index - 1)]));
    expect(planBatchChunks(chain(20))).toHaveLength(1);
    expectInternal(() => planBatchChunks(chain(21)), /does not fit/);
  });

  it('refuses duplicate ids, unknown dependencies and cycles', () => {
    expectInternal(() => planBatchChunks([get('a'), get('a')]), /duplicate/);
    expectInternal(() => planBatchChunks([get('a', ['zz'])]), /unknown request 'zz'/);
    expectInternal(() => planBatchChunks([get('a', ['a'])]), /unknown request 'a'/);
    expectInternal(() => planBatchChunks([get('a', ['b']), get('b', ['a'])]), /cycle/);
  });

  it('places every request once, ≤ 20 per envelope, each envelope parallel or one group in order', () => {
    // Random forests: each request may depend on one earlier request of its own small group.
    const forest = fc
      .array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 12 })
      .chain((sizes) =>
        fc.tuple(
          fc.constant(sizes),
          fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), {
            minLength: sizes.reduce((sum, size) => sum + size, 0),
            maxLength: sizes.reduce((sum, size) => sum + size, 0),
          }),
        ),
      )
      .map(([sizes, picks]) => {
        const requests: GraphBatchRequest[] = [];
        let pick = 0;
        sizes.forEach((size, group) => {
          for (let index = 0; index < size; index += 1) {
            const r = picks[pick] ?? 0;
            pick += 1;
            const parent = index === 0 ? undefined : Math.floor(r * index);
            requests.push(get(`${group}-${index}`, parent === undefined ? undefined : [`${group}-${parent}`]));
          }
        });
        return requests;
      });

    fc.assert(
      fc.property(forest, (requests) => {
        const chunks = planBatchChunks(requests);
        const placed = chunks.flat().map((request) => request.id);
        expect(placed.sort()).toEqual(requests.map((request) => request.id).sort());
        for (const chunk of chunks) {
          expect(chunk.length).toBeLessThanOrEqual(20);
          const inChunk = new Set<string>();
          const hasDependencies = chunk.some((request) => (request.dependsOn ?? []).length > 0);
          for (const request of chunk) {
            for (const dependency of request.dependsOn ?? []) {
              expect(inChunk.has(dependency)).toBe(true);
            }
            inChunk.add(request.id);
          }
          if (hasDependencies) {
            expect(new Set(chunk.map((request) => request.id.split('-')[0])).size).toBe(1);
          }
        }
      }),
    );
  });
});
