import { type AdaptiveCard, card, facts, heading, text } from './card-kit.ts';

/** `hjälp`: what the bot can do, in Swedish, with the English aliases below. */
export function helpCard(options: { readonly devCommands: boolean }): AdaptiveCard {
  const commands: Array<readonly [string, string]> = [
    ['hjälp', 'visar den här listan'],
    ['mina insatser', 'insatser där du är projektledare, projektägare eller sitter i styrgruppen'],
    ['status <kod eller namn>', 'läget för en insats, t.ex. status NOVA'],
    ['frister', 'nästa fakturafrist för var och en av dina insatser'],
    ['att besluta', 'beslutsärenden som väntar på din röst, med en knapp för att öppna och rösta'],
    ['beslut <nummer eller kod>', 'ett beslutsärende med röstläget, t.ex. beslut SAMSYN'],
    ['delegationsbeslut', 'beslut som förbundschefen fattat på delegation, att anmäla till styrelsen'],
    [
      'nytt beslut <kod>',
      'för kansliet: begär beslut om en budgetändring, planändring eller ansökan, t.ex. nytt beslut NOVA',
    ],
    [
      'signera avtal <kod>',
      'för kansliet: skicka samarbetsavtalet till parternas firmatecknare för underskrift, t.ex. signera avtal SAMUTB',
    ],
    [
      'en PDF-fil + <kod>',
      'skicka ett inskannat signerat samarbetsavtal här i chatten med insatsens kod, så arkiveras det',
    ],
    [
      'faktura <kod>',
      'kvartalets faktura för en insats: registrera den eller se hur långt den kommit, t.ex. faktura NOVA',
    ],
    ['fakturor', 'fakturor som väntar på dig: att registrera, granska, attestera eller betala'],
    ['kalender', 'en personlig länk till dina frister, beslut och sammanträden, att prenumerera på i Outlook'],
  ];
  const body = [
    heading('Det här kan Insatsnavet'),
    text('Skriv ett av kommandona här i chatten (i en kanal: nämn @Insatsnavet först).'),
    facts(commands),
    text(
      'På engelska går också help, my interventions, status <code>, deadlines, invoice <code>, invoices, calendar och to decide.',
      { subtle: true },
    ),
  ];
  if (options.devCommands) {
    body.push(
      text('Lokalt utan Microsoft 365 (AUTH_MODE=dev)', { bold: true, separator: true }),
      facts([
        ['agera som <namn>', 'svara som en person i demodatan, t.ex. agera som Emma Ström'],
        ['vem är jag', 'visar vem du agerar som och dina roller'],
        ['agera som mig själv', 'slutar agera som någon annan'],
      ]),
    );
  }
  const fallback = ['Det här kan Insatsnavet:', ...commands.map(([command, what]) => `${command} – ${what}`)].join(
    '\n',
  );
  return card(fallback, body);
}
