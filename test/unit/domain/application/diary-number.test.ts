import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DIARY_FORMAT,
  diaryPrefix,
  formatDiaryNumber,
  isValidDiaryFormat,
  nextDiarySequence,
  parseDiarySequence,
} from '../../../../src/domain/application/diary-number.ts';

describe('diarienummer', () => {
  it('formats the default and other formats', () => {
    expect(formatDiaryNumber(DEFAULT_DIARY_FORMAT, 2027, 12)).toBe('SFV 2027/012');
    expect(formatDiaryNumber(DEFAULT_DIARY_FORMAT, 2027, 1234)).toBe('SFV 2027/1234');
    expect(formatDiaryNumber('Dnr {nr}-{år}', 2027, 5)).toBe('Dnr 5-2027');
  });

  it('finds the year prefix and parses numbers back', () => {
    expect(diaryPrefix(DEFAULT_DIARY_FORMAT, 2026)).toBe('SFV 2026/');
    expect(parseDiarySequence(DEFAULT_DIARY_FORMAT, 2026, 'SFV 2026/031')).toBe(31);
    expect(parseDiarySequence(DEFAULT_DIARY_FORMAT, 2026, 'SFV 2025/031')).toBeNull();
    expect(parseDiarySequence(DEFAULT_DIARY_FORMAT, 2026, 'SFV 2026/abc')).toBeNull();
    expect(parseDiarySequence('Dnr {nr}-{år}', 2027, 'Dnr 5-2027')).toBe(5);
  });

  it('takes the next number above every given one and the counter, per year', () => {
    const existing = ['SFV 2026/019', 'SFV 2026/031', 'SFV 2025/099', 'annat'];
    expect(nextDiarySequence(DEFAULT_DIARY_FORMAT, 2026, existing, 0)).toBe(32);
    expect(nextDiarySequence(DEFAULT_DIARY_FORMAT, 2026, existing, 40)).toBe(41);
    expect(nextDiarySequence(DEFAULT_DIARY_FORMAT, 2027, existing, 0)).toBe(1);
  });

  it('accepts only formats with one {år} and one {nr}', () => {
    expect(isValidDiaryFormat(DEFAULT_DIARY_FORMAT)).toBe(true);
    expect(isValidDiaryFormat('SFV {år}')).toBe(false);
    expect(isValidDiaryFormat('{nr}/{nr:2} {år}')).toBe(false);
  });
});
