/**
 * Hash routes (`#/insatser/7`): the tab is one page served at `/`, and Teams keeps the content URL
 * it was given, so the view lives after the `#`. Links into the tab from cards and the bot use
 * `/?insats=7`, and a Teams deep link carries `subPageId` `insats:7`; both become `#/insatser/7`.
 */
import { useEffect, useState } from 'react';

export type Route = readonly string[];

function currentRoute(): Route {
  const path = window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeURIComponent(segment));
}

export function hrefTo(path: string): string {
  return `#${path.startsWith('/') ? path : `/${path}`}`;
}

export function navigate(path: string): void {
  window.location.hash = hrefTo(path).slice(1);
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(currentRoute);
  useEffect(() => {
    const onChange = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** turns `?insats=7` (card links) or a Teams sub-page `insats:7` into the insats's route, once */
export function applyDeepLink(subPageId: string | null): void {
  const url = new URL(window.location.href);
  const fromQuery = url.searchParams.get('insats');
  const fromTeams = subPageId?.startsWith('insats:') === true ? subPageId.slice('insats:'.length) : null;
  const id = fromQuery ?? fromTeams;
  if (fromQuery !== null) {
    url.searchParams.delete('insats');
  }
  if (id !== null && /^[1-9]\d{0,9}$/.test(id)) {
    url.hash = `/insatser/${id}`;
  }
  if (url.href !== window.location.href) {
    window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
  }
}
