/**
 * The samarbetsavtal in the chat (issue 8):
 * - `signera avtal SAMUTB` (the kansli): the draft is filed and the firmatecknare get their cards;
 *   the answer is the signing's card with the parties and a link to the draft.
 * - a PDF sent to the bot in a personal chat, with the insats's code in the message (or, without
 *   one, the only insats in Avtal the sender may file for): downloaded (at most 20 MB) and filed as
 *   the signed agreement, as the tab's upload does. Anything else — not a PDF, too large, no insats
 *   named, several files, a group chat — gets a Swedish answer and nothing is stored.
 * Who may do what is the services' call; a refusal is answered with its Swedish reason.
 */
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { isAppError } from '../../src/domain/app-error.ts';
import type { Intervention } from '../../src/domain/entities/intervention.ts';
import {
  authorizeAgreementFiling,
  fileSignedAgreement,
  insatserAwaitingAgreement,
} from '../../src/services/agreements/file-signed-agreement.ts';
import { MAX_AGREEMENT_BYTES } from '../../src/services/agreements/pdf-check.ts';
import { startAgreementSigning } from '../../src/services/agreements/start-agreement-signing.ts';
import { actorOf } from '../../src/services/register/load-actor.ts';
import type { BotDependencies } from '../bot-dependencies.ts';
import { type BotReply, cardReply, textReply } from '../bot-reply.ts';
import { approvalHeadline } from '../cards/approval-card.ts';
import type { ConversationTarget } from '../conversations/conversation-target.ts';
import { downloadTeamsFile, TEAMS_FILE_CONTENT_TYPE } from '../files/download-file.ts';
import type { BotUser } from '../identity/bot-user.ts';
import { approvalCardFor } from '../invokes/approval-actions.ts';
import { NO_USER_ID_TEXT, quote } from '../texts.ts';

export const START_SIGNING_WITHOUT_QUERY_TEXT =
  'Skriv **signera avtal** följt av insatsens kod, t.ex. **signera avtal SAMUTB**, för att skicka samarbetsavtalet till parternas firmatecknare.';

export async function answerStartSigning(query: string, user: BotUser, deps: BotDependencies): Promise<BotReply> {
  const actor = user.aadObjectId;
  if (actor === null) {
    return textReply(NO_USER_ID_TEXT);
  }
  const code = query.trim();
  if (code === '') {
    return textReply(START_SIGNING_WITHOUT_QUERY_TEXT);
  }
  try {
    const started = await startAgreementSigning(deps.approvals, actor, code);
    const count = started.approval.approverIds.length;
    const card = approvalCardFor(deps.approvals, started.approval, {
      notice: `Avtalet är ute för signering: ${count === 1 ? '1 firmatecknare får' : `${count} firmatecknare får`} kortet i Teams. Utkastet ”${started.agreement.name}” är arkiverat.`,
      noticeTone: 'good',
    });
    return cardReply(card, approvalHeadline(started.approval, undefined).title);
  } catch (error) {
    if (isAppError(error) && error.httpStatus < 500) {
      return textReply(error.userMessage);
    }
    throw error;
  }
}

/** a file Teams hands the bot: where to fetch it, and what the sender called it */
const fileAttachmentSchema = z.object({
  contentType: z.literal(TEAMS_FILE_CONTENT_TYPE),
  name: z.string().max(400).optional(),
  content: z.object({
    downloadUrl: z.string().min(1).max(4000),
    fileType: z.string().max(20).optional(),
  }),
});

export type SentFile = { readonly name: string | null; readonly downloadUrl: string };

/** the files in a message (Teams sends one attachment per file); other attachments are not files */
export function filesOf(activity: Pick<Activity, 'attachments'>): SentFile[] {
  return (activity.attachments ?? []).flatMap((attachment) => {
    const parsed = fileAttachmentSchema.safeParse(attachment);
    return parsed.success ? [{ name: parsed.data.name ?? null, downloadUrl: parsed.data.content.downloadUrl }] : [];
  });
}

/** whether the message carries something meant as a file (also one Teams described oddly) */
export function carriesFile(activity: Pick<Activity, 'attachments'>): boolean {
  return (activity.attachments ?? []).some((attachment) => attachment.contentType === TEAMS_FILE_CONTENT_TYPE);
}

/** the codes the message names: words that look like an insats's code */
function candidateCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,.;:!?()"”]+/)
        .map((word) => word.trim().toUpperCase())
        .filter((word) => /^[A-ZÅÄÖ0-9-]{2,40}$/.test(word)),
    ),
  ];
}

async function insatsOf(
  deps: BotDependencies,
  text: string,
  actor: Awaited<ReturnType<typeof actorOf>>,
): Promise<Intervention | string> {
  for (const code of candidateCodes(text)) {
    const found = await deps.repositories.interventions.findByCode(code);
    if (found !== null) {
      return found;
    }
  }
  const waiting = await insatserAwaitingAgreement(deps.approvals, actor);
  const [only] = waiting;
  if (waiting.length === 1 && only !== undefined) {
    return only;
  }
  const examples = waiting.map((intervention) => `**${intervention.code}**`).join(', ');
  return waiting.length === 0
    ? 'Skriv insatsens kod i meddelandet tillsammans med filen, t.ex. ”SAMUTB”, så arkiverar jag avtalet där. Ingenting har sparats.'
    : `Vilken insats gäller avtalet? Skriv koden i meddelandet tillsammans med filen (${examples}). Ingenting har sparats.`;
}

export async function answerAgreementFile(
  activity: Activity,
  text: string,
  user: BotUser,
  target: ConversationTarget,
  deps: BotDependencies,
): Promise<BotReply> {
  if (target.scope !== 'personal') {
    return textReply(
      'Skicka det signerade avtalet till mig i en personlig chatt (inte här), med insatsens kod i meddelandet. Ingenting har sparats.',
    );
  }
  const aad = user.aadObjectId;
  if (aad === null) {
    return textReply(NO_USER_ID_TEXT);
  }
  const files = filesOf(activity);
  const [file] = files;
  if (files.length !== 1 || file === undefined) {
    return textReply(
      files.length === 0
        ? 'Jag kunde inte läsa filen du skickade. Skicka avtalet som en PDF-fil. Ingenting har sparats.'
        : 'Skicka ett avtal i taget – en PDF-fil per meddelande. Ingenting har sparats.',
    );
  }
  const actor = await actorOf({ repos: deps.repositories, clock: deps.clock, timeZone: deps.timeZone }, aad);
  try {
    const chosen = await insatsOf(deps, text, actor);
    if (typeof chosen === 'string') {
      return textReply(chosen);
    }
    // refused before anything is fetched (and the refusal logged)
    const intervention = await authorizeAgreementFiling(deps.approvals, actor, chosen.id);
    const content = await downloadTeamsFile(file.downloadUrl, {
      maxBytes: MAX_AGREEMENT_BYTES,
      allowHttp: deps.files?.allowHttp ?? false,
    });
    const filed = await fileSignedAgreement(deps.approvals, actor, {
      interventionId: intervention.id,
      fileName: file.name,
      signedDate: null,
      content,
    });
    const { agreement, replaced, stage } = filed;
    const lines = [
      `Avtalet för **${intervention.code}** är arkiverat som ”${quote(agreement.name)}” (Signerat ${agreement.signedDate ?? ''}, SHA-256 ${agreement.sha256?.slice(0, 12) ?? ''}…).`,
      filed.renamed
        ? 'Det fanns redan en fil med det namnet, så den nya fick ett eget namn – ingenting skrevs över.'
        : null,
      replaced.length > 0
        ? `Det ersätter ${replaced.map((name) => `”${quote(name)}”`).join(', ')}, som finns kvar markerat Ersatt.`
        : null,
      stage.from !== stage.to ? `${intervention.code} är nu i skedet **${stage.to}**.` : null,
    ];
    return textReply(lines.filter((line) => line !== null).join('\n\n'));
  } catch (error) {
    if (isAppError(error) && error.httpStatus < 500) {
      return textReply(`${error.userMessage}${error.code === 'FORBIDDEN' ? '' : ' Ingenting har sparats.'}`);
    }
    if (isAppError(error) && error.code === 'UPSTREAM_FAILED') {
      return textReply(`${error.userMessage} Ingenting har sparats.`);
    }
    throw error;
  }
}
