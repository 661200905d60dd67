/**
 * Finds seeded people by name in RoleAssignments, for the dev command `agera som <namn>`:
 * case and diacritics do not matter (`emma strom`), and a unique beginning of the name or of one
 * of its parts is enough (`Emma`, `Ström`).
 */
import type { RoleAssignmentRepository } from '../../domain/ports/role-assignment-repository.ts';
import { foldText } from './text-match.ts';

export type Person = { readonly aadObjectId: string; readonly name: string };

export type PeopleMatch =
  | { readonly kind: 'found'; readonly person: Person }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly Person[] }
  /** with a few names from the list, to show what a name looks like there */
  | { readonly kind: 'not-found'; readonly examples: readonly Person[] };

export async function findPeopleByName(
  roleAssignments: Pick<RoleAssignmentRepository, 'list'>,
  query: string,
): Promise<PeopleMatch> {
  const wanted = foldText(query);
  const people = new Map<string, Person>();
  for (const assignment of await roleAssignments.list()) {
    const key = assignment.aadObjectId.toLowerCase();
    if (!people.has(key)) {
      people.set(key, { aadObjectId: assignment.aadObjectId, name: assignment.name });
    }
  }
  const all = [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  if (wanted === '') {
    return { kind: 'not-found', examples: all.slice(0, 3) };
  }
  const exact = all.filter((person) => foldText(person.name) === wanted);
  if (exact.length === 1 && exact[0] !== undefined) {
    return { kind: 'found', person: exact[0] };
  }
  const prefixed = exact.length > 1 ? exact : all.filter((person) => startsWithWords(foldText(person.name), wanted));
  if (prefixed.length === 1 && prefixed[0] !== undefined) {
    return { kind: 'found', person: prefixed[0] };
  }
  return prefixed.length === 0
    ? { kind: 'not-found', examples: all.slice(0, 3) }
    : { kind: 'ambiguous', candidates: prefixed };
}

/** `emma strom` starts with `emma`, `emma st` and `strom`; words must start in order from a name part */
function startsWithWords(name: string, wanted: string): boolean {
  const parts = name.split(' ');
  return parts.some((_, index) => parts.slice(index).join(' ').startsWith(wanted));
}
