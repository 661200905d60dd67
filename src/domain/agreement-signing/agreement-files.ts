/**
 * The names and metadata texts of the files the signing and the upload file in the Agreements
 * library (`Agreements/<CODE>/`). Names are dated, never reused: a second draft or a second signed
 * version the same day gets ` (2)`, because a new version must never overwrite an earlier one
 * (conflictBehavior fail). The repository makes what is left valid for SharePoint.
 */
import { formatDate } from '../format.ts';

/** a name stem is cut to this length, so ` (12).pdf` still fits SharePoint's limit after it */
const MAX_STEM = 150;

/** the draft filed when the signing starts: `Samarbetsavtal SAMUTB utkast 2027-01-10.pdf` */
export function draftFileName(code: string, date: string, attempt = 1): string {
  return withAttempt(`Samarbetsavtal ${code} utkast ${date}.pdf`, attempt);
}

/** the signed agreement: `Samarbetsavtal SAMUTB signerat 2027-01-10.pdf` */
export function signedFileName(code: string, date: string, attempt = 1): string {
  return withAttempt(`Samarbetsavtal ${code} signerat ${date}.pdf`, attempt);
}

/** `name.pdf` → `name (2).pdf` from the second attempt on */
export function withAttempt(name: string, attempt: number): string {
  if (attempt <= 1) {
    return name;
  }
  const dot = name.toLowerCase().endsWith('.pdf') ? name.length - 4 : name.length;
  return `${name.slice(0, dot)} (${attempt})${name.slice(dot)}`;
}

/**
 * The name of an uploaded scan: the sender's file name without any folder part, ending in `.pdf`
 * (the content is checked to be a PDF, so a `.PDF` or a missing extension becomes `.pdf`), `#` and
 * `%` replaced (SharePoint Online takes them, but they break the links people copy), blanks
 * collapsed. Without a usable name: the signed agreement's own name. The repository then replaces
 * what SharePoint refuses (`" * : < > ? / \ |`, leading and trailing dots and spaces, reserved names).
 */
export function uploadFileName(given: string | null, code: string, today: string, attempt = 1): string {
  const base = (given ?? '').split(/[/\\]/).at(-1) ?? '';
  const stem = base
    .normalize('NFC')
    .replace(/[.\s]+$/, '')
    .replace(/\.pdf$/i, '')
    .replace(/[#%]/g, '_')
    .replace(/\p{Cc}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_STEM)
    // `.avtal.` + `.pdf` would be a hidden name with a double dot
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (stem.replace(/[._\s]/g, '') === '') {
    return signedFileName(code, today, attempt);
  }
  return withAttempt(`${stem}.pdf`, attempt);
}

/** the insats's parties (its OwnerOrg, then its PartnerOrgs), as member organisations by name */
export function partiesOf(
  intervention: { readonly ownerOrgId: string | null; readonly partnerOrgIds: readonly string[] },
  members: ReadonlyArray<{ readonly id: string; readonly name: string }>,
): Array<{ readonly memberId: string; readonly name: string }> {
  const ids = [
    ...(intervention.ownerOrgId === null ? [] : [intervention.ownerOrgId]),
    ...intervention.partnerOrgIds.filter((id) => id !== intervention.ownerOrgId),
  ];
  return ids.flatMap((id) => {
    const member = members.find((candidate) => candidate.id === id);
    return member === undefined ? [] : [{ memberId: id, name: member.name }];
  });
}

/** the Parties column: the parties' names, the projektägare first */
export function partiesText(parties: ReadonlyArray<{ readonly name: string }>): string {
  return parties.map((party) => party.name).join(', ');
}

export type SignatoryLine = {
  readonly name: string;
  readonly organisation: string;
  /** ISO instant */
  readonly signedAt: string;
};

/** `14:02` in the förbund's time zone */
function timeOf(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

/** `2027-01-10 14:02` in the förbund's time zone */
export function localDateTime(instant: string, timeZone: string): string {
  return `${formatDate(instant, timeZone)} ${timeOf(instant, timeZone)}`;
}

/** the Signatories column: `Ola Nordin, Försäkringskassan, 2027-01-10 14:02`, one line per signature */
export function signatoriesText(lines: readonly SignatoryLine[], timeZone: string): string {
  return lines
    .map((line) => `${line.name}, ${line.organisation}, ${localDateTime(line.signedAt, timeZone)}`)
    .join('\n');
}

/** the Signatories column read back (a line that does not fit is kept whole as the name) */
export function readSignatories(
  text: string | null,
): Array<{ name: string; organisation: string | null; at: string | null }> {
  if (text === null) {
    return [];
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const match = /^(.+?),\s*(.+),\s*(\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?)$/.exec(line);
      return match === null
        ? { name: line, organisation: null, at: null }
        : { name: match[1] ?? line, organisation: match[2] ?? null, at: match[3] ?? null };
    });
}
