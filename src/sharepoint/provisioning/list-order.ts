/**
 * The order lists can be created in: a lookup needs the id of the list it points to, so lists
 * come in levels, each depending only on earlier ones. A list's lookup to itself (Approvals →
 * Previous) is added after the list exists and does not count.
 */
import { AppError } from '../../domain/app-error.ts';
import type { ListKey, ListSpec } from '../schema.ts';

export function creationLevels(schema: readonly ListSpec[]): ListSpec[][] {
  const keys = new Set(schema.map((spec) => spec.key));
  const dependencies = new Map<ListKey, Set<ListKey>>();
  for (const spec of schema) {
    const targets = new Set<ListKey>();
    for (const column of spec.columns) {
      if (column.type !== 'lookup' || column.list === spec.key) {
        continue;
      }
      if (!keys.has(column.list)) {
        throw new AppError(
          'INTERNAL',
          `${spec.key}.${column.name} looks up ${column.list}, which is not in the schema`,
        );
      }
      targets.add(column.list);
    }
    dependencies.set(spec.key, targets);
  }

  const placed = new Set<ListKey>();
  const levels: ListSpec[][] = [];
  while (placed.size < schema.length) {
    const level = schema.filter(
      (spec) => !placed.has(spec.key) && [...(dependencies.get(spec.key) ?? [])].every((key) => placed.has(key)),
    );
    if (level.length === 0) {
      throw new AppError('INTERNAL', 'the lookups of schema.ts form a cycle: no list can be created first');
    }
    for (const spec of level) {
      placed.add(spec.key);
    }
    levels.push(level);
  }
  return levels;
}
