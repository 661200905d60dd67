export const signInStrings = {
  sv: {
    title: 'Logga in i Insatsnavet',
    lead: 'Lokal inloggning för test och demo: välj vem du vill vara. Varje person ser sin del av förbundets insatser.',
    search: 'Sök person eller roll',
    signInAsPrefix: 'Logga in som',
    loading: 'Hämtar personer …',
    none: 'Ingen person matchar sökningen.',
    openInTeams: 'Öppna Insatsnavet i Teams',
    openInTeamsLead:
      'Insatsnavet loggar in med ditt Microsoft 365-konto. Öppna fliken Insatsnavet i Teams eller på förbundets SharePoint-sida.',
    notInRoles: 'Inloggningen godtogs inte',
    tryAgain: 'Försök igen',
    checking: 'Loggar in …',
  },
  en: {
    title: 'Sign in to Insatsnavet',
    lead: 'Local sign-in for testing and demos: choose who you want to be. Each person sees their part of the portfolio.',
    search: 'Search person or role',
    signInAsPrefix: 'Sign in as',
    loading: 'Loading people …',
    none: 'Nobody matches the search.',
    openInTeams: 'Open Insatsnavet in Teams',
    openInTeamsLead:
      'Insatsnavet signs you in with your Microsoft 365 account. Open the Insatsnavet tab in Teams or on the förbund’s SharePoint page.',
    notInRoles: 'The sign-in was not accepted',
    tryAgain: 'Try again',
    checking: 'Signing in …',
  },
};
