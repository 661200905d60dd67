import { useLanguage } from './language.tsx';
import { termIn } from './vocabulary-en.ts';

/** a stored Swedish value (stage, role, status) in the language in force */
export function useTerm(): (value: string) => string {
  const { language } = useLanguage();
  return (value) => termIn(language, value);
}
