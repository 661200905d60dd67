import { describe, expect, it } from 'vitest';
import { formatDate, formatKr } from '../../../src/domain/format.ts';

describe('Swedish formats', () => {
  it('writes money with spaces between thousands and kr after', () => {
    expect(formatKr(1065500)).toBe('1\u00a0065\u00a0500\u00a0kr');
    expect(formatKr(0)).toBe('0\u00a0kr');
    expect(formatKr(535000.4)).toBe('535\u00a0000\u00a0kr');
  });

  it('writes dates as ÅÅÅÅ-MM-DD in Stockholm time', () => {
    expect(formatDate('2027-04-29T22:30:00Z')).toBe('2027-04-30');
    expect(formatDate(new Date('2027-01-20T12:00:00Z'))).toBe('2027-01-20');
  });
});
