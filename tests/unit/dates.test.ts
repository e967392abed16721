import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  dayOf,
  formatDisplayDate,
  formatMonth,
  formatMonthName,
  htmlDate,
  isoInstant,
  monthOf,
  parseArticleDate,
  parseDay,
  yearOf,
} from "../../src/dates.js";

const ZONE_SCRIPT = fileURLToPath(new URL("../fixtures/scripts/dates-in-zone.ts", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

describe("parseArticleDate: date-only values", () => {
  it("reads YYYY-MM-DD as that calendar day", () => {
    const date = parseArticleDate("2024-04-11")!;
    expect(date).toEqual({ day: "2024-04-11", iso: "2024-04-11", epochMs: Date.UTC(2024, 3, 11) });
    expect([yearOf(date), monthOf(date), dayOf(date)]).toEqual(["2024", "04", "11"]);
  });

  it("accepts 29 February in a leap year only", () => {
    expect(parseArticleDate("2024-02-29")?.day).toBe("2024-02-29");
    expect(parseArticleDate("2023-02-29")).toBeNull();
  });

  it.each(["2024-02-30", "2024-13-01", "2024-00-10", "2024-04-31", "2024-04-00", "2024-4-1", "11 April 2024", "20240411", "", "yesterday"])(
    "rejects %j",
    (text) => {
      expect(parseArticleDate(text)).toBeNull();
    },
  );

  it("rejects values that are not text or dates", () => {
    for (const value of [20240411, true, null, undefined, ["2024-04-11"], { day: "2024-04-11" }, new Date(Number.NaN)]) {
      expect(parseArticleDate(value)).toBeNull();
    }
  });

  it("reads a JS Date at UTC midnight (YAML's reading of a bare date) as that day", () => {
    expect(parseArticleDate(new Date(Date.UTC(2024, 3, 11)))).toEqual({ day: "2024-04-11", iso: "2024-04-11", epochMs: Date.UTC(2024, 3, 11) });
  });

  it("parseDay takes only the plain day form", () => {
    expect(parseDay(" 2024-04-11 ")?.day).toBe("2024-04-11");
    expect(parseDay("2024-04-11T10:00:00Z")).toBeNull();
    expect(parseDay("2024-02-30")).toBeNull();
  });
});

describe("parseArticleDate: date-times", () => {
  it("keeps the article's own offset and day", () => {
    const date = parseArticleDate("2024-04-11T23:30:00-07:00")!;
    expect(date.day).toBe("2024-04-11"); // April 12 in UTC, but the article says April 11
    expect(date.iso).toBe("2024-04-11T23:30:00-07:00");
    expect(date.epochMs).toBe(Date.UTC(2024, 3, 12, 6, 30));
  });

  it("accepts Z, offsets without a colon, a space separator and minutes-only times", () => {
    expect(parseArticleDate("2024-04-11T09:30:00Z")).toMatchObject({ day: "2024-04-11", epochMs: Date.UTC(2024, 3, 11, 9, 30) });
    expect(parseArticleDate("2024-04-11T09:30+0200")).toMatchObject({ day: "2024-04-11", epochMs: Date.UTC(2024, 3, 11, 7, 30) });
    expect(parseArticleDate("2024-04-11 09:30:00+02:00")).toMatchObject({ day: "2024-04-11", iso: "2024-04-11T09:30:00+02:00" });
  });

  it("rejects a date-time without an offset (its day would depend on the machine)", () => {
    expect(parseArticleDate("2024-04-11T09:30:00")).toBeNull();
  });

  it("rejects impossible times and days", () => {
    expect(parseArticleDate("2024-04-11T25:00:00Z")).toBeNull();
    expect(parseArticleDate("2024-02-30T10:00:00Z")).toBeNull();
  });

  it("sorts date-times and days on one time line", () => {
    const day = parseArticleDate("2024-04-11")!;
    const later = parseArticleDate("2024-04-11T09:30:00+02:00")!;
    expect(later.epochMs).toBeGreaterThan(day.epochMs);
  });
});

describe("formatting", () => {
  it("shows days as people read them, and values for markup and feeds", () => {
    const day = parseArticleDate("2024-04-01")!;
    expect(formatDisplayDate(day)).toBe("1 April 2024");
    expect(htmlDate(day)).toBe("2024-04-01");
    expect(isoInstant(day)).toBe("2024-04-01T00:00:00Z");
    const instant = parseArticleDate("2024-04-11T23:30:00-07:00")!;
    expect(formatDisplayDate(instant)).toBe("11 April 2024");
    expect(htmlDate(instant)).toBe("2024-04-11T23:30:00-07:00");
    expect(isoInstant(instant)).toBe("2024-04-11T23:30:00-07:00");
  });

  it("formats every day of thirty years as luxon's d MMMM yyyy would", () => {
    const mismatches: string[] = [];
    for (let day = DateTime.fromISO("2000-01-01", { zone: "utc" }); day.year < 2030; day = day.plus({ days: 1 })) {
      const expected = day.setLocale("en-GB").toFormat("d MMMM yyyy");
      const got = formatDisplayDate(parseArticleDate(day.toISODate()!)!);
      if (got !== expected) mismatches.push(`${day.toISODate()}: ${got} ≠ ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("names months", () => {
    expect(formatMonth("2024", "04")).toBe("April 2024");
    expect(formatMonthName("12")).toBe("December");
  });
});

describe("time zone of the machine", () => {
  // TZ must be set before a process starts, so each zone runs the date code in its own process.
  it.each([
    ["America/Los_Angeles", 420],
    ["Asia/Tokyo", -540],
    ["UTC", 0],
  ])("under TZ=%s a date-only article is still 11 April 2024", (zone, offsetMinutes) => {
    const run = spawnSync(TSX, [ZONE_SCRIPT], { env: { ...process.env, TZ: zone }, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    // The child really ran in that zone (otherwise this test could not fail).
    expect(result.zone).toBe(zone);
    expect(result.offsetMinutes).toBe(offsetMinutes);
    expect(result).toMatchObject({
      day: "2024-04-11",
      display: "11 April 2024",
      html: "2024-04-11",
      instant: "2024-04-11T00:00:00Z",
      parts: ["2024", "04", "11"],
      updated: "1 January 2024",
      fromJsDate: "1 January 2024",
      nearMidnight: ["2024-12-31", "31 December 2024"],
    });
  });
});
