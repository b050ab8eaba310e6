import { describe, expect, it } from 'vitest';
import { initialScanText, naiveText, parseScanDate, scanDateText } from './scan-dates.js';

describe('scan dates (services.md §1.5, §3.2)', () => {
  it('the initial text is only_logs_after (or today) at midnight', () => {
    expect(initialScanText('20220101', new Date(0))).toBe('2022-01-01 00:00:00.0');
    expect(initialScanText(undefined, new Date(Date.UTC(2025, 8, 15)))).toBe('2025-09-15 00:00:00.0');
  });

  it('reads stored dates with 1 to 6 fraction digits or none (S33), as UTC', () => {
    expect(parseScanDate('2022-01-26 00:00:00.0')?.toISOString()).toBe('2022-01-26T00:00:00.000Z');
    expect(parseScanDate('2022-02-06 18:58:32.504472')?.toISOString()).toBe('2022-02-06T18:58:32.504Z');
    expect(parseScanDate('2022-02-06 18:58:32')?.toISOString()).toBe('2022-02-06T18:58:32.000Z');
    expect(parseScanDate('yesterday')).toBeUndefined();
  });

  it('writes scan dates with six fraction digits; debug dates like Python', () => {
    const date = new Date(Date.UTC(2025, 10, 24, 12, 34, 56, 789));
    expect(scanDateText(date)).toBe('2025-11-24 12:34:56.789000');
    expect(scanDateText(new Date(Date.UTC(2025, 0, 1)))).toBe('2025-01-01 00:00:00.000000');
    expect(naiveText(date)).toBe('2025-11-24 12:34:56.789000');
    expect(naiveText(new Date(Date.UTC(2025, 8, 15)))).toBe('2025-09-15 00:00:00');
  });
});
