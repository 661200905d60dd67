import { describe, expect, it } from 'vitest';
import { parseChangeThreshold } from '../../../../src/domain/approvals/budget-change.ts';
import { parseInvoicingSettings } from '../../../../src/domain/invoicing/invoicing-settings.ts';
import {
  DEFAULT_KANSLI_SETTINGS,
  KANSLI_SETTING_FIELDS,
  KANSLI_SETTING_KEYS,
  kansliSettingsPatchSchema,
  readKansliSetting,
  readKansliSettings,
  storedTextOf,
} from '../../../../src/domain/settings/kansli-settings.ts';
import { SETTING_DEFAULTS } from '../../../../src/sharepoint/schema.ts';

function issues(value: unknown): Record<string, string> {
  const parsed = kansliSettingsPatchSchema.safeParse(value);
  if (parsed.success) {
    return {};
  }
  return Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('the kansli settings', () => {
  it('read the provisioned defaults as the defaults, without problems', () => {
    expect(readKansliSettings(SETTING_DEFAULTS)).toEqual({ settings: DEFAULT_KANSLI_SETTINGS, problems: {} });
    for (const field of KANSLI_SETTING_FIELDS) {
      expect(storedTextOf(field, DEFAULT_KANSLI_SETTINGS[field])).toBe(SETTING_DEFAULTS[KANSLI_SETTING_KEYS[field]]);
    }
  });

  it('read a broken stored value as its default and say why, per field', () => {
    const { settings, problems } = readKansliSettings({
      'faktura.forfalloregel': '{"q1":"13-01"}',
      'paminnelse.klockslag': '25:00',
      'andring.grans-procent': 'tio',
    });
    expect(settings).toEqual(DEFAULT_KANSLI_SETTINGS);
    expect(Object.keys(problems).sort()).toEqual(['changeThresholdPercent', 'dueRule', 'sendTime']);
    expect(problems.sendTime).toContain('paminnelse.klockslag');
  });

  it('accept a partial update and normalise it as the sweep reads it', () => {
    const parsed = kansliSettingsPatchSchema.parse({ reminderOffsets: [1, 5, 10, 5], sendTime: '7.30' });
    expect(parsed).toEqual({ reminderOffsets: [10, 5, 1], sendTime: '07:30' });
    expect(kansliSettingsPatchSchema.parse({})).toEqual({});
    expect(kansliSettingsPatchSchema.parse({ reminderOffsets: [] })).toEqual({ reminderOffsets: [] });
  });

  it('refuse with a Swedish message per field what the sweep would not read', () => {
    expect(
      issues({
        dueRule: { q1: '13-01', q2: '07-31', q3: '10-31', q4: '01-20' },
        reminderOffsets: [10, 0],
        escalationOffset: 61,
        sendTime: '24:00',
        changeThresholdPercent: 101,
      }),
    ).toEqual({
      'dueRule.q1': 'är ingen dag i året',
      'reminderOffsets.1': 'ska vara minst 1',
      escalationOffset: 'får vara högst 60',
      sendTime: 'ska vara ett klockslag på formen TT:MM, t.ex. 08:00',
      changeThresholdPercent: 'ska vara en procentsats mellan 0 och 100, t.ex. 10',
    });
    expect(Object.keys(issues({ dueRule: { q1: '04-30' } })).sort()).toEqual([
      'dueRule.q2',
      'dueRule.q3',
      'dueRule.q4',
    ]);
    expect(
      Object.keys(issues({ dueRule: { q1: '04-30', q2: '07-31', q3: '10-31', q4: '01-20', q5: '01-01' } })),
    ).toEqual(['dueRule']);
    expect(Object.keys(issues({ diarium: 'x' }))).toEqual(['']);
    expect(issues({ reminderOffsets: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] })).toEqual({
      reminderOffsets: 'får ha högst 10 påminnelsedagar',
    });
    expect(Object.keys(issues({ escalationOffset: 1.5, changeThresholdPercent: '10' })).sort()).toEqual([
      'changeThresholdPercent',
      'escalationOffset',
    ]);
  });

  it('refuse a number the sweep would read differently once stored as text', () => {
    // String(0.0000001) is '1e-7', which the threshold's parser does not read as a percentage
    expect(issues({ changeThresholdPercent: 0.0000001 })).toEqual({
      changeThresholdPercent: 'går inte att spara så att svepet läser samma värde – skriv det enklare, t.ex. 10',
    });
    expect(kansliSettingsPatchSchema.parse({ changeThresholdPercent: 12.5 })).toEqual({ changeThresholdPercent: 12.5 });
  });

  it('store every accepted value as text that the sweep and the approvals read as that value', () => {
    const samples = [
      { dueRule: { q1: '05-15', q2: '08-15', q3: '11-15', q4: '02-29' } },
      { reminderOffsets: [60, 1] },
      { reminderOffsets: [] },
      { escalationOffset: 60 },
      { sendTime: '23:59' },
      { changeThresholdPercent: 0 },
      { changeThresholdPercent: 100 },
      { changeThresholdPercent: 7.25 },
    ];
    for (const sample of samples) {
      const patch = kansliSettingsPatchSchema.parse(sample);
      const stored: Record<string, string> = {};
      for (const field of KANSLI_SETTING_FIELDS) {
        const value = patch[field];
        if (value !== undefined) {
          stored[KANSLI_SETTING_KEYS[field]] = storedTextOf(field, value);
        }
      }
      const invoicing = parseInvoicingSettings(stored);
      const threshold = parseChangeThreshold(stored);
      expect(invoicing.problems).toEqual([]);
      expect(threshold.problem).toBeNull();
      expect({ ...invoicing.settings, changeThresholdPercent: threshold.percent }).toMatchObject(patch);
    }
  });

  it('read one field by itself', () => {
    expect(readKansliSetting('escalationOffset', ' 3 ')).toEqual({ value: 3, problem: null });
    expect(readKansliSetting('escalationOffset', undefined)).toEqual({ value: 1, problem: null });
    expect(readKansliSetting('changeThresholdPercent', '12,5 %')).toEqual({ value: 12.5, problem: null });
    expect(readKansliSetting('reminderOffsets', '[1, 1, 5]')).toEqual({ value: [5, 1], problem: null });
  });
});
