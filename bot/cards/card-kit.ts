/**
 * The small vocabulary every Insatsnavet card is built from: Adaptive Cards schema 1.5 (the
 * newest Teams renders), plain JSON so cards can be checked by the `adaptivecards` parser in
 * tests, and Action.Execute with a verb for every button (Universal Actions; a button without a
 * verb fails silently in Teams).
 */

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type CardElement = { readonly [key: string]: JsonValue };

export type AdaptiveCard = {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  /** what clients that cannot render the card show, and what a screen reader can fall back on */
  readonly fallbackText: string;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardElement[];
};

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** the verb of the "Uppdatera" button: re-runs the card's question for whoever clicks */
export const REFRESH_VERB = 'uppdatera';

/** the views a card can be refreshed to; the verb's data names one, never a user */
export type CardView =
  | { readonly vy: 'hjalp' }
  | { readonly vy: 'mina-insatser' }
  | { readonly vy: 'status'; readonly kod: string }
  | { readonly vy: 'frister' }
  | { readonly vy: 'att-besluta' };

export function card(
  fallbackText: string,
  body: readonly CardElement[],
  actions?: readonly CardElement[],
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText,
    body,
    ...(actions === undefined || actions.length === 0 ? {} : { actions }),
  };
}

export function heading(text: string): CardElement {
  return { type: 'TextBlock', text, size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' };
}

export function text(
  value: string,
  options: { subtle?: boolean; separator?: boolean; bold?: boolean } = {},
): CardElement {
  return {
    type: 'TextBlock',
    text: value,
    wrap: true,
    ...(options.subtle === true ? { isSubtle: true, spacing: 'None' } : {}),
    ...(options.separator === true ? { separator: true } : {}),
    ...(options.bold === true ? { weight: 'Bolder' } : {}),
  };
}

/**
 * A FactSet. Fact values are Markdown in Teams, as TextBlocks are, and most hold something a person
 * typed (a title, a name, a beslutsparagraf): every value is escaped here, so no caller can forget.
 * The titles are the card's own labels.
 */
export function facts(entries: ReadonlyArray<readonly [string, string]>): CardElement {
  return { type: 'FactSet', facts: entries.map(([title, value]) => ({ title, value: escapeMarkdown(value) })) };
}

/** one list entry: a bold first line and a subtle second one, separated from the previous entry */
export function listItem(first: string, second: string, index: number): CardElement {
  return {
    type: 'Container',
    ...(index > 0 ? { separator: true, spacing: 'Medium' } : {}),
    items: [text(first, { bold: true }), text(second, { subtle: true })],
  };
}

export function refreshAction(view: CardView): CardElement {
  return { type: 'Action.Execute', title: 'Uppdatera', verb: REFRESH_VERB, data: { ...view } };
}

/** Markdown in TextBlocks: characters that would turn a name into formatting are escaped */
export function escapeMarkdown(value: string): string {
  return value.replace(/([\\*_[\]`])/g, '\\$1');
}

/** a title that already names the code (`NOVA – nya vägar …`, `Enter – …`) as is; others with the code in front */
export function nameWithCode(code: string, title: string): string {
  return title.toUpperCase().includes(code.toUpperCase()) ? title : `${code} – ${title}`;
}
