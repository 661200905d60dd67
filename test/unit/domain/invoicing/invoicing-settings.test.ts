import { describe, expect, it } from 'vitest';
import { DEFAULT_DUE_RULE } from '../../../../src/domain/invoicing/due-rule.ts';
import {
  DEFAULT_INVOICING_SETTINGS,
  parseInvoicingSettings,
} from '../../../../src/domain/invoicing/invoicing-settings.ts';
import { SETTING_DEFAULTS } from '../../../../src/sharepoint/schema.ts';

describe('parseInvoicingSettings', () => {
  it('reads the SharePoint defaults as the domain defaults (the two lists stay in step)', () => {
    const { settings, problems } = parseInvoicingSettings(SETTING_DEFAULTS);
    expect(problems).toEqual([]);
    expect(settings).toEqual(DEFAULT_INVOICING_SETTINGS);
  });

  it('gives the defaults silently for an empty Settings list or blank values', () => {
    expect(parseInvoicingSettings({})).toEqual({ settings: DEFAULT_INVOICING_SETTINGS, problems: [] });
    expect(
      parseInvoicingSettings({
        'faktura.forfalloregel': ' ',
        'paminnelse.arbetsdagar-fore': '',
        'eskalering.arbetsdagar-efter': '  ',
        'paminnelse.klockslag': '',
      }),
    ).toEqual({ settings: DEFAULT_INVOICING_SETTINGS, problems: [] });
  });

  it('reads valid custom values', () => {
    const { settings, problems } = parseInvoicingSettings({
      'faktura.forfalloregel': JSON.stringify({ q1: '04-15', q2: '07-15', q3: '10-15', q4: '01-15' }),
      'paminnelse.arbetsdagar-fore': '[3, 15, 3, 7]',
      'eskalering.arbetsdagar-efter': ' 2 ',
      'paminnelse.klockslag': '9.30',
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      dueRule: { q1: '04-15', q2: '07-15', q3: '10-15', q4: '01-15' },
      reminderOffsets: [15, 7, 3],
      escalationOffset: 2,
      sendTime: '09:30',
    });
  });

  it('allows an empty reminder list: the förbund has turned reminders off', () => {
    const { settings, problems } = parseInvoicingSettings({ 'paminnelse.arbetsdagar-fore': '[]' });
    expect(problems).toEqual([]);
    expect(settings.reminderOffsets).toEqual([]);
  });

  it.each([
    ['faktura.forfalloregel', '{q1: 04-30}', 'faktura.forfalloregel är inte giltig JSON'],
    [
      'faktura.forfalloregel',
      JSON.stringify({ q1: '13-01', q2: '07-31', q3: '10-31', q4: '01-20' }),
      'faktura.forfalloregel',
    ],
    ['paminnelse.arbetsdagar-fore', '10, 5, 1', 'paminnelse.arbetsdagar-fore är inte giltig JSON'],
    ['paminnelse.arbetsdagar-fore', '[10, 0, 1]', 'paminnelse.arbetsdagar-fore: [1]: ska vara minst 1'],
    ['paminnelse.arbetsdagar-fore', '[10, 2.5]', 'paminnelse.arbetsdagar-fore: [1]: ska vara ett heltal'],
    ['paminnelse.arbetsdagar-fore', '[10, "5"]', 'paminnelse.arbetsdagar-fore: [1]'],
    ['paminnelse.arbetsdagar-fore', '[500]', 'paminnelse.arbetsdagar-fore: [0]: får vara högst 60'],
    ['paminnelse.arbetsdagar-fore', '5', 'paminnelse.arbetsdagar-fore: ska vara en lista'],
    ['paminnelse.arbetsdagar-fore', '{"a": 1}', 'paminnelse.arbetsdagar-fore: ska vara en lista'],
    ['eskalering.arbetsdagar-efter', 'en', 'eskalering.arbetsdagar-efter: ska vara ett heltal'],
    ['eskalering.arbetsdagar-efter', '0', 'eskalering.arbetsdagar-efter: ska vara minst 1'],
    ['eskalering.arbetsdagar-efter', '-1', 'eskalering.arbetsdagar-efter: ska vara ett heltal'],
    ['eskalering.arbetsdagar-efter', '1e0', 'eskalering.arbetsdagar-efter: ska vara ett heltal'],
    ['eskalering.arbetsdagar-efter', '999', 'eskalering.arbetsdagar-efter: får vara högst 60'],
    ['paminnelse.klockslag', '8', 'paminnelse.klockslag: ska vara ett klockslag'],
    ['paminnelse.klockslag', '24:00', 'paminnelse.klockslag: ska vara ett klockslag'],
    ['paminnelse.klockslag', '08:60', 'paminnelse.klockslag: ska vara ett klockslag'],
    ['paminnelse.klockslag', 'åtta', 'paminnelse.klockslag: ska vara ett klockslag'],
  ])('%s = %j falls back to the default and reports it', (key, value, problem) => {
    const { settings, problems } = parseInvoicingSettings({ [key]: value });
    expect(settings).toEqual(DEFAULT_INVOICING_SETTINGS);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
    expect(problems[0]).toContain('standardvärdet används');
  });

  it('falls back per key: one broken value does not discard the good ones', () => {
    const { settings, problems } = parseInvoicingSettings({
      'faktura.forfalloregel': 'trasig',
      'paminnelse.arbetsdagar-fore': '[7, 2]',
      'eskalering.arbetsdagar-efter': 'x',
      'paminnelse.klockslag': '07:15',
    });
    expect(settings).toEqual({
      dueRule: DEFAULT_DUE_RULE,
      reminderOffsets: [7, 2],
      escalationOffset: 1,
      sendTime: '07:15',
    });
    expect(problems).toHaveLength(2);
  });

  it.each(['00:00', '0:05', '23:59', '08.00'])('accepts the send time %s', (value) => {
    const { problems } = parseInvoicingSettings({ 'paminnelse.klockslag': value });
    expect(problems).toEqual([]);
  });

  it('never throws on garbage', () => {
    for (const value of ['null', 'true', '[[1]]', '{}', '"', '\u0000', '[1,', 'NaN', '[Infinity]', '[1e400]']) {
      expect(() =>
        parseInvoicingSettings({
          'faktura.forfalloregel': value,
          'paminnelse.arbetsdagar-fore': value,
          'eskalering.arbetsdagar-efter': value,
          'paminnelse.klockslag': value,
        }),
      ).not.toThrow();
    }
  });
});
