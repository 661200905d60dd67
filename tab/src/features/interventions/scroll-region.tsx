/**
 * A wide table's own sideways scroll area: a labelled region that takes keyboard focus, so a
 * keyboard user can scroll it with the arrow keys (WCAG 2.1.1; axe: scrollable-region-focusable)
 * while the page itself never scrolls sideways at 320 px.
 */
import type { ReactNode } from 'react';

export const ScrollRegion = ({
  label,
  className,
  children,
}: {
  readonly label: string;
  readonly className: string;
  readonly children: ReactNode;
}) => (
  // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
  <section className={className} aria-label={label} tabIndex={0}>
    {children}
  </section>
);
