/**
 * Runs a card through the `adaptivecards` renderer's parser and validator (what a Teams client
 * does first) and lists every error or warning, e.g. `Parse/UnknownElementType: …`. Needs a DOM:
 * call it from a test file with `// @vitest-environment happy-dom`.
 */
import { AdaptiveCard, SerializationContext, ValidationEvent, ValidationPhase } from 'adaptivecards';

export function cardProblems(json: unknown): string[] {
  const card = new AdaptiveCard();
  const context = new SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let index = 0; index < context.eventCount; index += 1) {
    const event = context.getEventAt(index);
    problems.push(`${ValidationPhase[event.phase]}/${ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push(`${ValidationPhase[event.phase]}/${ValidationEvent[event.event]}: ${event.message}`);
  }
  return problems;
}
