/**
 * The fields of the kansli's settings screen, by name only. Kept apart from kansli-settings.ts
 * (which reads them with the sweep's parsers, and so pulls in the Swedish holiday calendar) so
 * that the answer's schema, which the tab parses with too, stays small.
 */
export const KANSLI_SETTING_FIELDS = [
  'dueRule',
  'reminderOffsets',
  'escalationOffset',
  'sendTime',
  'changeThresholdPercent',
] as const;

export type KansliSettingField = (typeof KANSLI_SETTING_FIELDS)[number];
