/**
 * Swedish first, English on request. Each feature keeps its own `{ sv, en }` strings next to its
 * views (so features do not share one big file); `useStrings` picks the language in force. The
 * choice is remembered in the browser.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

export type Language = 'sv' | 'en';

const STORAGE_KEY = 'insatsnavet.lang';

type LanguageState = { readonly language: Language; readonly setLanguage: (language: Language) => void };

const LanguageContext = createContext<LanguageState>({ language: 'sv', setLanguage: () => undefined });

function storedLanguage(): Language {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

export const LanguageProvider = ({ children }: { readonly children: ReactNode }) => {
  const [language, setState] = useState<Language>(storedLanguage);
  const setLanguage = useCallback((next: Language) => {
    setState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered; the choice still holds for this page
    }
  }, []);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  // the page's language follows the choice, so screen readers pronounce it right
  document.documentElement.lang = language === 'sv' ? 'sv' : 'en';
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
};

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}

export function useStrings<T>(strings: { readonly sv: T; readonly en: T }): T {
  return strings[useLanguage().language];
}
