import type { ActingPerson } from '../../src/services/dev-identity/acting-person-setting.ts';

/**
 * Who is asking. The Teams identity comes from the activity (`from`), never from card data. In
 * AUTH_MODE=dev the sender may act as a seeded person (`agera som`); every question is then
 * answered for that person.
 */
export type BotUser = {
  /** Teams' id of the sender in this bot's conversations (`from.id`) */
  readonly senderId: string;
  /** the sender's Entra object id as Teams gives it, if any */
  readonly teamsAadId: string | null;
  readonly teamsName: string | null;
  /** dev only: the seeded person the sender acts as */
  readonly actingAs: ActingPerson | null;
  /** whom the answers are for: the acted person, else the sender */
  readonly aadObjectId: string | null;
};
