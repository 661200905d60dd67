/**
 * What a configured tab shows, as the settings Teams keeps for it: the content URL it loads (with
 * the view in the hash), the website URL for "open in browser", a stable entity id and a name.
 */
export type TabChoice =
  | { readonly view: 'oversikt' | 'insatser' | 'beslut' }
  | { readonly view: 'insats'; readonly id: string; readonly code: string };

export type TabConfiguration = {
  readonly entityId: string;
  readonly contentUrl: string;
  readonly websiteUrl: string;
  readonly suggestedDisplayName: string;
};

const NAMES: Record<'oversikt' | 'insatser' | 'beslut', string> = {
  oversikt: 'Insatsnavet',
  insatser: 'Insatser',
  beslut: 'Beslut',
};

export function tabConfiguration(origin: string, choice: TabChoice): TabConfiguration {
  const route =
    choice.view === 'insats' ? `/insatser/${choice.id}` : choice.view === 'oversikt' ? '/' : `/${choice.view}`;
  return {
    entityId: choice.view === 'insats' ? `insats-${choice.id}` : choice.view,
    contentUrl: `${origin}/?inTeams=1#${route}`,
    websiteUrl: `${origin}/#${route}`,
    suggestedDisplayName: choice.view === 'insats' ? `Insatsnavet – ${choice.code}` : NAMES[choice.view],
  };
}

/** `NOVA – nya vägar för unga vuxna`, not `NOVA – NOVA – nya vägar …` when the title starts with the code */
export function insatsLabel(insats: { readonly code: string; readonly title: string }): string {
  return insats.title.toLocaleUpperCase('sv').startsWith(insats.code.toLocaleUpperCase('sv'))
    ? insats.title
    : `${insats.code} – ${insats.title}`;
}
