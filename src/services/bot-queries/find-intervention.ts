/**
 * Finds the insats someone means by a code or a name typed in a chat: `NOVA`, `nova`, `Nya vägar`.
 * An exact code or name wins; otherwise a single insats whose code or name contains the words;
 * otherwise close matches to suggest.
 */
import type { Intervention } from '../../domain/entities/intervention.ts';
import { interventionCode } from '../../domain/entities/intervention.ts';
import type { InterventionRepository } from '../../domain/ports/intervention-repository.ts';
import { editDistance, foldText } from './text-match.ts';

export type InterventionMatch =
  | { readonly kind: 'found'; readonly intervention: Intervention }
  | { readonly kind: 'not-found'; readonly suggestions: readonly Intervention[] }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly Intervention[] };

const MAX_SUGGESTIONS = 5;

export async function findIntervention(
  interventions: Pick<InterventionRepository, 'findByCode' | 'list'>,
  query: string,
): Promise<InterventionMatch> {
  const code = query.trim().toUpperCase();
  // the common case, `status NOVA`, is one indexed lookup
  if (interventionCode.safeParse(code).success) {
    const byCode = await interventions.findByCode(code);
    if (byCode !== null) {
      return { kind: 'found', intervention: byCode };
    }
  }
  return matchAmong(await interventions.list(), query);
}

/** the matching rules on a list already read (exported for tests) */
export function matchAmong(all: readonly Intervention[], query: string): InterventionMatch {
  const wanted = foldText(query);
  if (wanted === '') {
    return { kind: 'not-found', suggestions: [] };
  }
  const exact = all.filter(
    (intervention) => foldText(intervention.code) === wanted || foldText(intervention.title) === wanted,
  );
  if (exact.length === 1 && exact[0] !== undefined) {
    return { kind: 'found', intervention: exact[0] };
  }
  const containing = all.filter((intervention) => {
    const code = foldText(intervention.code);
    const title = foldText(intervention.title);
    return code.startsWith(wanted) || (wanted.length >= 3 && title.includes(wanted));
  });
  if (containing.length === 1 && containing[0] !== undefined) {
    return { kind: 'found', intervention: containing[0] };
  }
  if (containing.length > 1) {
    return { kind: 'ambiguous', candidates: sortByCode(containing).slice(0, MAX_SUGGESTIONS * 2) };
  }
  const close = all
    .map((intervention) => ({ intervention, score: closeness(intervention, wanted) }))
    .filter((entry) => entry.score <= 2)
    .sort((a, b) => a.score - b.score || a.intervention.code.localeCompare(b.intervention.code, 'sv'))
    .slice(0, MAX_SUGGESTIONS)
    .map((entry) => entry.intervention);
  return { kind: 'not-found', suggestions: close };
}

/** 0 = very close … 2 = still worth suggesting; larger = not similar */
function closeness(intervention: Intervention, wanted: string): number {
  const code = foldText(intervention.code);
  const words = foldText(intervention.title).split(' ');
  const codeDistance = editDistance(code, wanted);
  const allowed = wanted.length <= 4 ? 1 : 2;
  if (codeDistance <= allowed) {
    return codeDistance;
  }
  if (wanted.length >= 3 && (code.includes(wanted) || wanted.includes(code))) {
    return 1;
  }
  const wordDistance = Math.min(...words.filter((word) => word.length >= 3).map((word) => editDistance(word, wanted)));
  return wordDistance <= allowed ? wordDistance + 1 : Number.POSITIVE_INFINITY;
}

function sortByCode(list: readonly Intervention[]): Intervention[] {
  return [...list].sort((a, b) => a.code.localeCompare(b.code, 'sv'));
}
