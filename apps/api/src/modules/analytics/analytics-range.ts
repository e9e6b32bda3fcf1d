import { AnalyticsErrors } from './analytics.errors';

const DAY_MS = 86_400_000;
/** Two years of days (a leap day included). */
export const MAX_RANGE_DAYS = 731;

export interface DayRange {
  from: string;
  to: string;
  days: number;
  /** The same number of days just before. */
  prevFrom: string;
  prevTo: string;
}

/** Today in China time as YYYY-MM-DD. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * A range of China-time days with its previous period. Refused (400 ANALYTICS_RANGE_INVALID):
 * `to` before `from`, over two years, or ending after today.
 */
export function dayRange(from: string, to: string, now: Date): DayRange {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const days = Math.round((end - start) / DAY_MS) + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  if (!Number.isFinite(days) || iso(start) !== from || iso(end) !== to)
    throw AnalyticsErrors.ANALYTICS_RANGE_INVALID({ from, to, reason: 'not_a_day' });
  if (days < 1) throw AnalyticsErrors.ANALYTICS_RANGE_INVALID({ from, to, reason: 'to_before_from' });
  if (days > MAX_RANGE_DAYS)
    throw AnalyticsErrors.ANALYTICS_RANGE_INVALID({
      from,
      to,
      reason: 'over_two_years',
      maxDays: MAX_RANGE_DAYS,
    });
  if (to > chinaToday(now)) throw AnalyticsErrors.ANALYTICS_RANGE_INVALID({ from, to, reason: 'future' });
  return { from, to, days, prevFrom: iso(start - days * DAY_MS), prevTo: iso(start - DAY_MS) };
}
