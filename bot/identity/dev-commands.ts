/**
 * The dev-only commands (AUTH_MODE=dev) that let a tester with no tenant act as a seeded person:
 * `agera som <namn>`, `agera som mig själv` and `vem är jag`. While acting, the personal chat is
 * also stored under that person's key, so notices to them reach this chat.
 */
import type { Activity } from 'botbuilder';
import { describePerson, type PersonRole } from '../../src/services/bot-queries/describe-person.ts';
import { findPeopleByName } from '../../src/services/bot-queries/find-people-by-name.ts';
import { rearmAfterInstall } from '../../src/services/notifications/rearm-after-install.ts';
import type { BotDependencies } from '../bot-dependencies.ts';
import { type BotReply, textReply } from '../bot-reply.ts';
import { asPersonalTargetFor, type ConversationTarget, pointsAt } from '../conversations/conversation-target.ts';
import type { ConversationTracker } from '../conversations/conversation-tracker.ts';
import { escapeText, quote } from '../texts.ts';
import type { ActingPersonStore } from './acting-person-store.ts';
import type { BotUser } from './bot-user.ts';

export type DevCommandContext = {
  readonly deps: BotDependencies;
  readonly store: ActingPersonStore;
  readonly tracker: ConversationTracker;
  readonly activity: Activity;
  readonly target: ConversationTarget;
  readonly user: BotUser;
};

export async function actAs(context: DevCommandContext, name: string): Promise<BotReply> {
  const match = await findPeopleByName(context.deps.repositories.roleAssignments, name);
  if (match.kind === 'ambiguous') {
    const names = match.candidates.slice(0, 10).map((person) => escapeText(person.name));
    return textReply(`Flera personer passar ”${quote(name)}”: ${names.join(', ')}. Skriv mer av namnet.`);
  }
  if (match.kind === 'not-found') {
    const examples = match.examples.map((person) => `**agera som ${escapeText(person.name)}**`).join(' eller ');
    return textReply(
      `Jag hittar ingen person som heter ”${quote(name)}” i rollistan.${examples === '' ? '' : ` Prova t.ex. ${examples}.`}`,
    );
  }
  const { person } = match;
  await stopActing(context);
  await context.store.set(context.user.senderId, person);
  if (context.target.scope === 'personal') {
    await context.tracker.install(asPersonalTargetFor(context.target, person.aadObjectId, person.name));
    // as on a real install: approval cards that found no chat for this person go out now
    await rearmAfterInstall(
      {
        notifications: context.deps.repositories.notifications,
        approvals: context.deps.repositories.approvals,
        clock: context.deps.clock,
      },
      person.aadObjectId,
    ).catch((error: unknown) => context.deps.logger.warn({ err: error }, 'kunde inte lägga tillbaka väntande kort'));
  }
  const roles = await rolesOf(context.deps, person.aadObjectId);
  return textReply(
    `Du agerar nu som **${escapeText(person.name)}**${inParentheses(roles)}. Alla kommandon svarar som för hen – skriv **agera som mig själv** för att sluta.`,
  );
}

export async function actAsSelf(context: DevCommandContext): Promise<BotReply> {
  const was = context.user.actingAs;
  await stopActing(context);
  await context.store.set(context.user.senderId, null);
  const me = context.user.teamsName ?? 'dig själv';
  return textReply(
    was === null
      ? `Du agerar inte som någon annan. Du är ${me}.`
      : `Du agerar inte längre som ${was.name}. Du är ${me} igen.`,
  );
}

export async function whoAmI(context: DevCommandContext): Promise<BotReply> {
  const { user } = context;
  const teams = `Teams säger att du är ${escapeText(user.teamsName ?? 'okänd')}${user.teamsAadId === null ? '' : ` (Entra-id ${user.teamsAadId})`}.`;
  if (user.actingAs !== null) {
    const roles = await rolesOf(context.deps, user.actingAs.aadObjectId);
    return textReply(
      `${teams}\n\nDu agerar som **${escapeText(user.actingAs.name)}**${inParentheses(roles)}. Skriv **agera som mig själv** för att sluta.`,
    );
  }
  const roles = user.teamsAadId === null ? [] : await rolesOf(context.deps, user.teamsAadId);
  const own = roles.length === 0 ? ' Du finns inte i rollistan.' : `\n\nDina roller: ${roles.join(', ')}.`;
  return textReply(`${teams}${own}\n\nSkriv **agera som <namn>** för att prova som en person i demodatan.`);
}

/** the acted person's row that points at this chat is switched off when acting ends or changes */
async function stopActing(context: DevCommandContext): Promise<void> {
  const previous = context.user.actingAs;
  if (previous === null || context.target.scope !== 'personal') {
    return;
  }
  const conversationId = context.activity.conversation.id;
  await context.tracker.uninstall(previous.aadObjectId, (reference) => pointsAt(reference, conversationId));
}

async function rolesOf(deps: BotDependencies, aadObjectId: string): Promise<string[]> {
  const description = await describePerson(
    { ...deps.repositories, clock: deps.clock, timeZone: deps.timeZone },
    aadObjectId,
  );
  return description.kind === 'unknown-person' ? [] : description.roles.map(roleText);
}

function inParentheses(parts: readonly string[]): string {
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

function roleText(role: PersonRole): string {
  if (role.of === null) {
    return role.role;
  }
  const forInsats = ['Projektledare', 'Projektägare', 'Styrgrupp'].includes(role.role);
  return `${role.role} ${forInsats ? 'för' : '–'} ${role.of}`;
}
