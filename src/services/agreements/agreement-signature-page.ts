/**
 * The page "Underskrifter" the signing workflow adds to the draft when every party has signed in
 * Teams: which draft was signed (its pages and SHA-256 — the draft's "Utkast" marking is
 * explained, not hidden, since those pages must stay byte for byte what was signed), and per
 * signature the organisation, the person, the time in Swedish local time, the Teams/Entra
 * identity and how it was given, then the approval that collected them and when it completed.
 */
import type { SignaturePage } from './agreement-pdf.ts';
import { COLORS, type PageFlow } from './pdf-layout.ts';

const STOCKHOLM = 'Europe/Stockholm';

/**
 * `2024-12-05T08:41:10Z` → `2024-12-05 kl. 09:41:10 svensk tid (UTC+01:00)`. The offset is
 * written out because a signature's time is evidence: winter and summer time differ by an hour.
 * Something that is not an instant is shown as it is rather than dropped.
 */
export function stockholmTime(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) {
    return instant;
  }
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: STOCKHOLM,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const offset = part('timeZoneName').replace('GMT', 'UTC');
  return `${part('year')}-${part('month')}-${part('day')} kl. ${part('hour')}:${part('minute')}:${part('second')} svensk tid (${offset === 'UTC' ? 'UTC+00:00' : offset})`;
}

/** a SHA-256 in two runs of 32 characters, so it never breaks at an arbitrary place */
function checksumLines(hex: string): string {
  return hex.length === 64 ? `${hex.slice(0, 32)}\n${hex.slice(32)}` : hex;
}

export function drawSignaturePage(flow: PageFlow, signed: SignaturePage, draftPages: number): void {
  const { fonts } = flow;
  const pages = draftPages === 1 ? 'Sidan 1' : `Sidorna 1–${draftPages}`;
  flow.text('Underskrifter', { font: fonts.bold, size: 22, leading: 27, color: COLORS.ink });
  flow.text(signed.title ?? `Samarbetsavtal ${signed.code}`, {
    font: fonts.regular,
    size: 12.5,
    leading: 17,
    color: COLORS.ink,
  });
  flow.y -= 10;
  flow.paragraph(
    'Avtalet har undertecknats elektroniskt i Microsoft Teams genom Insatsnavet. Varje företrädare har, inloggad med sin Microsoft-identitet (Entra ID), godkänt avtalet med texten ”Jag godkänner och undertecknar avtalet för” sin organisation. Denna sida fogades till avtalet när den sista underskriften hade lämnats.',
  );
  flow.facts(
    [
      {
        label: 'Undertecknad avtalstext',
        value: `${pages} i detta dokument: det utkast som parterna undertecknade, oförändrat. Märkningen ”Utkast – ej undertecknat” på de sidorna avser läget innan underskrifterna samlades in.`,
      },
      { label: 'Utkastets SHA-256', value: checksumLines(signed.draftSha256) },
      { label: 'Beslutsärende', value: `${signed.approvalId} i Insatsnavet` },
      { label: 'Alla underskrifter klara', value: stockholmTime(signed.completedAt) },
    ],
    { boxed: true, labelWidth: 140 },
  );
  flow.paragraph(
    'Det arkiverade utkastet i förbundets avtalsbibliotek har samma SHA-256, så att det går att kontrollera att avtalstexten är den som undertecknades.',
  );
  flow.heading('Parternas underskrifter');
  if (signed.signatures.length === 0) {
    flow.paragraph('Inga underskrifter är registrerade.');
    return;
  }
  flow.table({
    columns: [
      { label: 'Part', align: 'left', weight: 1 },
      { label: 'Undertecknat av', align: 'left', weight: 1.9 },
      { label: 'Tidpunkt och sätt', align: 'left', weight: 1.5 },
    ],
    rows: signed.signatures.map((signature) => [
      signature.organisation,
      `${signature.name}\nMicrosoft Teams, Entra ID:\n${signature.aadObjectId}`,
      `${stockholmTime(signature.signedAt).replace(' svensk tid', '\nsvensk tid')}\ni Microsoft Teams via Insatsnavet`,
    ]),
  });
}
