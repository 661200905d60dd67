/**
 * The shape an activity must have before botbuilder sees it. botbuilder itself throws on a body
 * without `type` or with fields of the wrong type, which would surface as a 500; checking here
 * turns every malformed activity into a 400 with a Swedish message and stores nothing.
 */
import { z } from 'zod';
import { AppError } from '../src/domain/app-error.ts';

const id = z.string().trim().min(1).max(1024);
const optionalText = z.string().max(4096).nullish();

const account = z.looseObject({
  id,
  name: optionalText,
  aadObjectId: z.string().max(256).nullish(),
  role: z.string().max(64).nullish(),
});

export const incomingActivitySchema = z.looseObject({
  type: z.string().trim().min(1).max(64),
  id: z.string().max(1024).nullish(),
  channelId: z.string().trim().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/, error: 'ska vara en http(s)-adress' }),
  from: account,
  recipient: account,
  conversation: z.looseObject({
    id,
    name: optionalText,
    conversationType: z.string().max(64).nullish(),
    isGroup: z.boolean().nullish(),
    tenantId: z.string().max(256).nullish(),
  }),
  text: z.string().max(100_000).nullish(),
  textFormat: z.string().max(64).nullish(),
  locale: z.string().max(64).nullish(),
  name: z.string().max(256).nullish(),
  action: z.string().max(64).nullish(),
  replyToId: z.string().max(1024).nullish(),
  membersAdded: z.array(account).max(1000).nullish(),
  membersRemoved: z.array(account).max(1000).nullish(),
  entities: z
    .array(z.looseObject({ type: z.string().max(256) }))
    .max(100)
    .nullish(),
  attachments: z
    .array(z.looseObject({ contentType: z.string().max(256) }))
    .max(100)
    .nullish(),
  channelData: z.looseObject({}).nullish(),
  value: z.unknown().optional(),
});

/** throws AppError INVALID_INPUT (400) naming the bad fields; returns the body unchanged otherwise */
export function assertIncomingActivity(body: unknown): void {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError('INVALID_INPUT', 'bot activity is not a JSON object', {
      userMessage: 'En Bot Framework-aktivitet ska vara ett JSON-objekt (content-type: application/json).',
    });
  }
  const parsed = incomingActivitySchema.safeParse(body);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.map(String).join('.') || 'aktiviteten'))];
    throw new AppError('INVALID_INPUT', `invalid bot activity: ${fields.join(', ')}`, {
      userMessage: `Ogiltig Bot Framework-aktivitet: ${fields.slice(0, 5).join(', ')} saknas eller har fel form.`,
      details: { fields: fields.slice(0, 20) },
    });
  }
}
