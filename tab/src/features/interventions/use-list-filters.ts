/**
 * The list's filters live in the hash's query (`#/insatser?skede=Pågående&sok=nova`), so a link
 * or a reload keeps them and the overview can link to one stage. Changes replace the history entry
 * (typing in the search box should not make Back step through every letter), and a hash change
 * from elsewhere (a link to another stage while the list is open) is read back in.
 */
import { useCallback, useEffect, useState } from 'react';
import { STAGES, type Stage } from '../../../../src/domain/vocabulary.ts';

export type ListFilters = {
  readonly skede: Stage | null;
  /** a member organisation's id */
  readonly agare: string | null;
  readonly ar: number | null;
  readonly sok: string;
};

const NO_FILTERS: ListFilters = { skede: null, agare: null, ar: null, sok: '' };

function isStage(value: string | null): value is Stage {
  return value !== null && (STAGES as readonly string[]).includes(value);
}

/** what the hash says, each value checked (a hand-edited link must not reach the API as garbage) */
export function readFilters(hash: string = window.location.hash): ListFilters {
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  const skede = query.get('skede');
  const agare = query.get('agare');
  const ar = Number(query.get('ar'));
  return {
    skede: isStage(skede) ? skede : null,
    agare: agare !== null && /^[1-9]\d{0,9}$/.test(agare) ? agare : null,
    ar: Number.isInteger(ar) && ar >= 2000 && ar <= 2100 ? ar : null,
    sok: (query.get('sok') ?? '').slice(0, 200),
  };
}

/** the filters as a query string (without `?`), the same for the hash and the API */
export function queryOf(filters: ListFilters): string {
  const query = new URLSearchParams();
  if (filters.skede !== null) {
    query.set('skede', filters.skede);
  }
  if (filters.agare !== null) {
    query.set('agare', filters.agare);
  }
  if (filters.ar !== null) {
    query.set('ar', String(filters.ar));
  }
  if (filters.sok.trim() !== '') {
    query.set('sok', filters.sok.trim());
  }
  return query.toString();
}

export function hasFilters(filters: ListFilters): boolean {
  return queryOf(filters) !== '';
}

function isListRoute(hash: string): boolean {
  return /^#\/insatser\/?(\?|$)/.test(hash);
}

export function useListFilters(): readonly [ListFilters, (patch: Partial<ListFilters>) => void] {
  const [filters, setFilters] = useState<ListFilters>(() => readFilters());
  useEffect(() => {
    const onChange = () => {
      if (isListRoute(window.location.hash)) {
        setFilters(readFilters());
      }
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  // the hash follows the filters (normalised: a value the list does not know is dropped)
  useEffect(() => {
    if (!isListRoute(window.location.hash)) {
      return;
    }
    const query = queryOf(filters);
    const { pathname, search } = window.location;
    const hash = `#/insatser${query === '' ? '' : `?${query}`}`;
    if (window.location.hash !== hash) {
      window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
    }
  }, [filters]);
  const update = useCallback((patch: Partial<ListFilters>) => {
    setFilters((previous) => ({ ...previous, ...patch }));
  }, []);
  return [filters, update] as const;
}

export const CLEARED_FILTERS = NO_FILTERS;
