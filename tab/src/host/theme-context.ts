import { createContext, useContext } from 'react';
import type { HostTheme } from './teams-host.ts';

/** the theme in force (Teams' or the browser's), for what Fluent tokens do not cover: chart colours */
export const HostThemeContext = createContext<HostTheme>('default');

export function useHostThemeKind(): HostTheme {
  return useContext(HostThemeContext);
}
