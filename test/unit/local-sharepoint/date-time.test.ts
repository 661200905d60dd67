import { describe, expect, it } from 'vitest';
import { normaliseDateTime } from '../../../infra/local-sharepoint/fields/date-time.ts';

describe('normaliseDateTime', () => {
  it.each([
    ['2027-04-30', false, '2027-04-30T00:00:00Z'],
    ['2027-04-30T08:15', false, '2027-04-30T08:15:00Z'],
    ['2027-04-30T08:15:30', false, '2027-04-30T08:15:30Z'],
    ['2027-04-30T08:15:30.999Z', false, '2027-04-30T08:15:30Z'],
    ['2027-04-30T01:00:00+02:00', false, '2027-04-29T23:00:00Z'],
    ['2027-04-30T23:00:00-02:00', false, '2027-05-01T01:00:00Z'],
    ['2027-04-30T15:00:00Z', true, '2027-04-30T00:00:00Z'],
    ['2028-02-29', true, '2028-02-29T00:00:00Z'],
  ])('%s (dateOnly %s) → %s', (input, dateOnly, expected) => {
    expect(normaliseDateTime(input, dateOnly)).toBe(expected);
  });

  it.each([
    '',
    'tomorrow',
    '2027-4-30',
    '2027-02-30',
    '2027-02-29',
    '2027-13-01',
    '2027-04-30T24:00:00Z',
    '2027-04-30T10:60:00Z',
    '2027-04-30T10:00:00+15:00',
    '1899-12-31',
    '8901-01-01',
    '30/04/2027',
  ])('refuses %j', (input) => {
    expect(normaliseDateTime(input, false)).toBeUndefined();
  });
});
