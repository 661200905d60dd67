/**
 * The two pages the Teams manifest links to (developer.privacyUrl and termsOfUseUrl): what
 * Insatsnavet stores and why (/integritet), and the terms it is used under (/villkor). Static
 * Swedish text, served by the app itself so the links work wherever it is deployed.
 */

const STYLE = `body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0; color: #242424; line-height: 1.5; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.15rem; margin-top: 1.75rem; }
a { color: #115ea3; }`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="sv">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} – Insatsnavet</title>
  <style>${STYLE}</style>
</head>
<body>
  <main>
${body}
    <p><a href="/">Till Insatsnavet</a> · <a href="/integritet">Integritet</a> · <a href="/villkor">Villkor</a></p>
  </main>
</body>
</html>
`;
}

export const PRIVACY_PAGE = page(
  'Integritet',
  `    <h1>Integritet och personuppgifter i Insatsnavet</h1>
    <p>Insatsnavet används av ett samordningsförbund (Finsam) för att hålla ordning på de insatser förbundet
    finansierar. Förbundet är personuppgiftsansvarigt för det som lagras. Allt lagras i förbundets egen
    Microsoft 365-miljö: i SharePoint-listor och dokumentbibliotek på förbundets webbplats.</p>
    <h2>Vad som lagras</h2>
    <ul>
      <li>Namn, e-postadress, Entra-id och roll för dem som har en roll i förbundet eller i en insats
      (kansli, styrelse, beredningsgrupp, styrgrupper, projektledare, projektägare, firmatecknare).</li>
      <li>Insatsernas uppgifter, budget, rekvisitioner, beslutsärenden med röster och kommentarer,
      samarbetsavtal med underskrifter och insatsens dokument.</li>
      <li>En händelselogg över vem som gjorde vad och när, och vilka försök som nekades.</li>
      <li>Var boten kan nå dig i Teams, så att påminnelser och beslutsärenden kommer fram.</li>
    </ul>
    <h2>Vad som inte lagras</h2>
    <p>Förbundet bedriver ingen myndighetsutövning och hanterar inte uppgifter om enskilda deltagare.
    Uppföljning av deltagare sker i Försäkringskassans Uppföljning Finsam. Insatsnavet lagrar bara
    antal och sammanställningar, och vägrar ta emot personnummer och samordningsnummer i fritext,
    filnamn och dokumentuppgifter.</p>
    <h2>Loggar</h2>
    <p>Tekniska loggar innehåller id:n för anrop och personer, aldrig inloggningstoken, lösenord eller
    nycklar. De sparas i förbundets Azure-miljö enligt förbundets regler för gallring.</p>
    <h2>Dina rättigheter</h2>
    <p>Kontakta förbundets kansli för att få veta vilka uppgifter som finns om dig, för att få fel rättade
    eller för andra frågor enligt dataskyddsförordningen (GDPR). Allmänna handlingar hanteras enligt
    offentlighets- och sekretesslagen.</p>`,
);

export const TERMS_PAGE = page(
  'Villkor',
  `    <h1>Villkor för Insatsnavet</h1>
    <p>Insatsnavet är ett verktyg för samordningsförbundets kansli, styrelse, beredningsgrupp, styrgrupper,
    projektägare och projektledare. Du använder det med ditt konto i förbundets eller din organisations
    Microsoft 365-miljö och gör det du har behörighet till enligt din roll.</p>
    <h2>Ditt ansvar</h2>
    <ul>
      <li>Skriv inte personnummer eller uppgifter om enskilda deltagare i Insatsnavet.</li>
      <li>En röst eller en underskrift du ger i Teams är din: den registreras med din identitet och tid och
      kan inte göras av någon annan i ditt namn.</li>
      <li>Ansökningar, rekvisitioner och avtal ska stämma med de beslut och regler förbundet har.</li>
    </ul>
    <h2>Förbundets ansvar</h2>
    <p>Förbundet ansvarar för vilka som får roller, för att uppgifterna gallras och bevaras enligt
    förbundets dokumenthanteringsplan, och för att beslut fattas enligt förbundsordningen och
    delegationsordningen. Insatsnavet ersätter inte protokollförda beslut.</p>
    <h2>Drift</h2>
    <p>Insatsnavet körs i förbundets egen Azure- och Microsoft 365-miljö. Frågor om drift och behörigheter
    går till förbundets kansli.</p>`,
);
