import { describe, expect, it } from "vitest";
import { ACTIVITY_SERIES_MAX_DAYS, activitySeries } from "@/lib/domain/campaigns/activity-series";

describe("Activité des participants: one point per day", () => {
  it("starts at zero the day before the first participation, so a first day is already a rise", () => {
    const series = activitySeries([{ day: "2026-09-07", started: 3, shared: 1 }], "2026-09-07");
    expect(series.map((d) => d.day)).toEqual(["2026-09-06", "2026-09-07"]);
    expect(series[0]).toMatchObject({ started: 0, shared: 0, newStarted: 0, newShared: 0 });
    expect(series[1]).toMatchObject({ started: 3, shared: 1, newStarted: 3, newShared: 1 });
  });

  it("keeps every day, a day without event adding nothing, up to today", () => {
    const series = activitySeries(
      [
        { day: "2026-09-28", started: 2, shared: 0 },
        { day: "2026-10-02", started: 1, shared: 2 },
      ],
      "2026-10-04",
    );
    // 27 September (the zero) to 4 October: months are crossed without a gap.
    expect(series.map((d) => d.day)).toEqual(["2026-09-27", "2026-09-28", "2026-09-29", "2026-09-30", "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04"]);
    expect(series.map((d) => d.started)).toEqual([0, 2, 2, 2, 2, 3, 3, 3]);
    expect(series.map((d) => d.shared)).toEqual([0, 0, 0, 0, 0, 2, 2, 2]);
    expect(series.map((d) => d.newStarted)).toEqual([0, 2, 0, 0, 0, 1, 0, 0]);
  });

  it("sorts its input; an event dated after today (a server clock behind the database) extends the series", () => {
    const series = activitySeries(
      [
        { day: "2026-03-29", started: 1, shared: 1 },
        { day: "2026-03-28", started: 4, shared: 0 },
      ],
      "2026-03-28",
    );
    // Today is the last day shown; the later day is not lost: it extends the series.
    expect(series.map((d) => d.day)).toEqual(["2026-03-27", "2026-03-28", "2026-03-29"]);
    expect(series.at(-1)).toMatchObject({ started: 5, shared: 1 });
  });

  it("crosses leap days and the change to summer time as plain calendar days", () => {
    const series = activitySeries([{ day: "2028-02-28", started: 1, shared: 0 }], "2028-03-01");
    expect(series.map((d) => d.day)).toEqual(["2028-02-27", "2028-02-28", "2028-02-29", "2028-03-01"]);
  });

  it("shows the last days of a long campaign, carrying what came before", () => {
    const series = activitySeries(
      [
        { day: "2024-01-10", started: 7, shared: 5 },
        { day: "2026-06-01", started: 1, shared: 1 },
      ],
      "2026-06-02",
    );
    expect(series).toHaveLength(ACTIVITY_SERIES_MAX_DAYS);
    expect(series.at(-1)).toMatchObject({ day: "2026-06-02", started: 8, shared: 6 });
    expect(series[0]).toMatchObject({ started: 7, shared: 5, newStarted: 0 });
  });

  it("is empty without any participation", () => {
    expect(activitySeries([], "2026-09-07")).toEqual([]);
  });

  it("refuses a day that is not a calendar day", () => {
    expect(() => activitySeries([{ day: "2026-02-30", started: 1, shared: 0 }], "2026-03-01")).toThrow(RangeError);
  });
});
