/**
 * The series behind « Activité des participants »: one point per calendar day (Europe/Paris days, given as
 * YYYY-MM-DD), cumulated. A day without any event is a day where the curves stay flat, not a missing point,
 * and the series starts at zero the day before the first participation, so that a campaign's first day
 * already shows a rise instead of a single dot in an empty frame.
 */

/** Events of one day, as counted by the database (not cumulated). */
export interface DayEvents {
  day: string;
  started: number;
  shared: number;
}

export interface ActivityPoint {
  day: string;
  /** Participations started so far. */
  started: number;
  /** Results (or profiles) received so far. */
  shared: number;
  newStarted: number;
  newShared: number;
}

/** About a school year and a half: enough for a campaign's life, light enough for a chart. */
export const ACTIVITY_SERIES_MAX_DAYS = 550;

const DAY_MS = 24 * 3600 * 1000;

function dayNumber(isoDay: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) throw new RangeError(`not a day: ${isoDay}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  // Date.UTC rolls 30 February over to March: a day that does not exist is refused instead.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw new RangeError(`not a day: ${isoDay}`);
  return time / DAY_MS;
}

function isoDay(number: number): string {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

/** Every day from the day before the first event to today (or the last event, if later), cumulated. */
export function activitySeries(events: readonly DayEvents[], today: string): ActivityPoint[] {
  if (events.length === 0) return [];
  const byDay = new Map<number, { started: number; shared: number }>();
  for (const event of events) {
    const number = dayNumber(event.day);
    const current = byDay.get(number) ?? { started: 0, shared: 0 };
    byDay.set(number, { started: current.started + event.started, shared: current.shared + event.shared });
  }
  const days = [...byDay.keys()].sort((a, b) => a - b);
  const last = Math.max(dayNumber(today), days[days.length - 1]);
  const first = Math.max(days[0] - 1, last - ACTIVITY_SERIES_MAX_DAYS + 1);
  let started = 0;
  let shared = 0;
  // What happened before the first day shown is carried into it.
  for (const day of days) {
    if (day >= first) break;
    started += byDay.get(day)!.started;
    shared += byDay.get(day)!.shared;
  }
  const series: ActivityPoint[] = [];
  for (let day = first; day <= last; day++) {
    const events = byDay.get(day) ?? { started: 0, shared: 0 };
    started += events.started;
    shared += events.shared;
    series.push({ day: isoDay(day), started, shared, newStarted: events.started, newShared: events.shared });
  }
  return series;
}
