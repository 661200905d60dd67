import { DUE_RULE_SETTING, type DueRule, parseDueRule } from '../../domain/invoicing/due-rule.ts';
import type { SettingsRepository } from '../../domain/ports/settings-repository.ts';

/** The förbund's invoice due rule from Settings, or the default when it is missing or broken. */
export async function readDueRule(
  settings: Pick<SettingsRepository, 'get'>,
  onProblem: (problem: string) => void = () => undefined,
): Promise<DueRule> {
  const { rule, problem } = parseDueRule(await settings.get(DUE_RULE_SETTING));
  if (problem !== null) {
    onProblem(problem);
  }
  return rule;
}
