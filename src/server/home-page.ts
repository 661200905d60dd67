/**
 * GET / until the Teams tab (React + Fluent UI) replaces it: a plain, accessible Swedish overview
 * of the register, server-rendered so that a förbund trying Insatsnavet sees its demo data at once.
 */
import type { Intervention } from '../domain/entities/intervention.ts';
import type { Member } from '../domain/entities/member.ts';
import { formatKr } from '../domain/format.ts';
import { STAGES } from '../domain/vocabulary.ts';

export type HomePageSources = {
  readonly interventions: { list(): Promise<readonly Intervention[]> };
  readonly members: { list(): Promise<readonly Member[]> };
};

export async function renderHomePage(sources: HomePageSources, _options: { timeZone: string }): Promise<string> {
  const [interventions, members] = await Promise.all([sources.interventions.list(), sources.members.list()]);
  const memberName = new Map(members.map((member) => [member.id, member.name]));
  const rows = [...interventions]
    .sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || a.title.localeCompare(b.title, 'sv'))
    .map(
      (insats) => `<tr>
        <td>${escapeHtml(insats.code)}</td>
        <td>${escapeHtml(insats.title)}</td>
        <td>${escapeHtml(insats.stage)}</td>
        <td>${escapeHtml(insats.ownerOrgId === null ? '–' : (memberName.get(insats.ownerOrgId) ?? '–'))}</td>
        <td>${escapeHtml(insats.startDate ?? '–')} – ${escapeHtml(insats.endDate ?? '')}</td>
        <td class="num">${insats.grantedAmount === null ? '–' : escapeHtml(formatKr(insats.grantedAmount))}</td>
      </tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="sv">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Insatsnavet</title>
  <style>
    body { font-family: "Segoe UI", system-ui, sans-serif; margin: 2rem; color: #242424; }
    h1 { font-size: 1.6rem; margin-bottom: .25rem; }
    p.lead { margin-top: 0; color: #424242; }
    table { border-collapse: collapse; width: 100%; max-width: 72rem; }
    th, td { text-align: left; padding: .5rem .75rem; border-bottom: 1px solid #d1d1d1; }
    th { background: #f5f5f5; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  </style>
</head>
<body>
  <main>
    <h1>Insatsnavet</h1>
    <p class="lead">Samordningsförbundets insatser – från idé till avslut. ${interventions.length} insatser, ${members.length} medlemsorganisationer.</p>
    <table>
      <caption class="visually-hidden">Insatser per skede</caption>
      <thead><tr><th scope="col">Kod</th><th scope="col">Insats</th><th scope="col">Skede</th><th scope="col">Projektägare</th><th scope="col">Period</th><th scope="col" class="num">Beviljat</th></tr></thead>
      <tbody>
${rows}
      </tbody>
    </table>
  </main>
</body>
</html>`;
}

function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
