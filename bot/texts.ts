/**
 * The bot's Swedish sentences that are not cards. Markdown (`**fet**`) is what Teams renders in
 * a bot's text messages.
 */
import { KANSLI_ROLES, type Role } from '../src/domain/vocabulary.ts';

export const WELCOME_TEXT = [
  'Hej! Jag är **Insatsnavet**, samordningsförbundets stöd för insatser.',
  'Jag svarar på frågor om insatserna, visar kommande fakturafrister och beslutsärenden som väntar på dig, och påminner projektledare inför varje kvartalsrekvisition.',
  'Skriv **hjälp** för att se vad jag kan.',
].join('\n\n');

export const NO_USER_ID_TEXT =
  'Jag kan inte se vem du är – Teams skickade inget användar-id med meddelandet. Skriv till mig i en chatt i Teams.';

export const STATUS_WITHOUT_QUERY_TEXT =
  'Skriv **status** följt av insatsens kod eller en del av namnet, t.ex. **status NOVA**.';

export const REQUISITION_WITHOUT_QUERY_TEXT =
  'Skriv **faktura** följt av insatsens kod, t.ex. **faktura NOVA**, för att se och registrera kvartalets faktura. **fakturor** visar alla fakturor som väntar på dig.';

export const APPROVAL_WITHOUT_QUERY_TEXT =
  'Skriv **beslut** följt av ärendets nummer eller insatsens kod, t.ex. **beslut SAMSYN**. **att besluta** visar det som väntar på din röst.';

export const START_APPROVAL_WITHOUT_QUERY_TEXT =
  'Skriv **nytt beslut** följt av insatsens kod, t.ex. **nytt beslut NOVA**, för att begära ett beslut om en budgetändring, planändring eller ansökan.';

export const NOT_KANSLI_START_TEXT =
  'Det är kansliet som begär beslut. Be förbundschefen eller processledaren starta ärendet – du får kortet här när det väntar på dig.';

export function unknownCommandText(text: string): string {
  return `Jag förstod inte ”${quote(text)}”. Skriv **hjälp** för att se vad jag kan – till exempel **mina insatser**, **status** följt av en kod, **frister**, **fakturor** eller **att besluta**.`;
}

export function unknownPersonText(devCommands: boolean): string {
  const base =
    'Jag hittar dig inte i förbundets rollista (listan Roller i SharePoint), så jag vet inte vilka insatser du arbetar med. Be kansliet lägga till dig.';
  return devCommands
    ? `${base}\n\nLokalt kan du skriva **agera som Emma Ström** (eller ett annat namn ur demodatan) för att prova som den personen.`
    : base;
}

/** for someone with roles but none in a single insats: what their role gives them instead */
export function noInsatsRoleText(roles: readonly Role[]): string {
  return `Du har ingen roll i en enskild insats. ${roleAdvice(roles)}`;
}

export function noDeadlinesRoleText(roles: readonly Role[]): string {
  return `Du har ingen insats med fakturafrister. ${roleAdvice(roles)}`;
}

function roleAdvice(roles: readonly Role[]): string {
  const has = (...wanted: Role[]): boolean => roles.some((role) => wanted.includes(role));
  if (has(...KANSLI_ROLES)) {
    return 'Som kansli ser du alla insatser i fliken, och **frister** visar alla kommande fakturafrister.';
  }
  if (has('Ordförande', 'Styrelseledamot')) {
    return 'Som ledamot kan du läsa alla insatser i fliken. Skriv **att besluta** för ärenden som väntar på din röst.';
  }
  if (has('Styrelseersättare')) {
    return 'Som ersättare i styrelsen kan du läsa alla insatser i fliken. Skriv **att besluta** för ärenden som väntar på din röst.';
  }
  if (has('Beredningsgrupp')) {
    return 'Som medlem i beredningsgruppen kan du läsa alla insatser i fliken. Skriv **att besluta** för ansökningar att bereda.';
  }
  if (has('Firmatecknare')) {
    return 'Som firmatecknare får du samarbetsavtal att signera här i chatten. Skriv **att besluta** för det som väntar på dig.';
  }
  return 'Skriv **status** följt av en kod för att se läget för en insats.';
}

/**
 * Text someone typed (a title, a name), for a chat message: Teams reads a bot's messages as
 * Markdown with some HTML, so the characters that would make formatting, a link or a tag are
 * escaped, and line breaks (which would start a list) become spaces.
 */
export function escapeText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/([\\*_[\]`<>])/g, '\\$1');
}

/** what the user wrote, shortened and without characters that would turn into formatting */
export function quote(text: string): string {
  return escapeText(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}
