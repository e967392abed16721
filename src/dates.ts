import { DateTime } from "luxon";

/**
 * All date handling of Dateline. An article's date is a calendar day (or an instant with an offset);
 * either way it is shown as the day the article says, never shifted by the machine's time zone.
 */

/** A calendar day, as the article wrote it. `instant` is set when the source had a time and offset. */
export interface ArticleDate {
  /** YYYY-MM-DD, the day shown on every page. */
  readonly day: string;
  /** Full ISO date-time with offset when the source gave one, otherwise the day itself. */
  readonly iso: string;
  /** Milliseconds since the epoch, for sorting: the instant, or midnight UTC of the day. */
  readonly epochMs: number;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Reads a front-matter date. gray-matter's YAML turns `2024-04-11` into a JS Date at UTC midnight,
 * and a date-time with offset into a Date at that instant; strings come through as written.
 * Returns null when the value is not a real date.
 */
export function parseArticleDate(value: unknown): ArticleDate | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const utc = DateTime.fromJSDate(value, { zone: "utc" });
    if (utc.hour === 0 && utc.minute === 0 && utc.second === 0 && utc.millisecond === 0) {
      return fromDay(utc);
    }
    // YAML dropped the original offset; keep the instant, shown in UTC.
    return fromInstant(utc);
  }
  if (typeof value !== "string") return null;
  const text = value.trim();
  const day = DAY_PATTERN.exec(text);
  if (day) {
    const parsed = DateTime.fromObject(
      { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]) },
      { zone: "utc" },
    );
    return parsed.isValid ? fromDay(parsed) : null;
  }
  if (DATE_TIME_PATTERN.test(text)) {
    const parsed = DateTime.fromISO(text.replace(" ", "T"), { setZone: true });
    return parsed.isValid ? fromInstant(parsed) : null;
  }
  return null;
}

/** Parses a plain `YYYY-MM-DD` day (raw articles, CLI flags). */
export function parseDay(text: string): ArticleDate | null {
  return DAY_PATTERN.test(text.trim()) ? parseArticleDate(text.trim()) : null;
}

function fromDay(utcMidnight: DateTime): ArticleDate {
  const day = utcMidnight.toFormat("yyyy-MM-dd");
  return { day, iso: day, epochMs: utcMidnight.toMillis() };
}

function fromInstant(instant: DateTime): ArticleDate {
  // The day is the one in the article's own offset: "2024-04-11T23:30-07:00" is April 11 there.
  return {
    day: instant.toFormat("yyyy-MM-dd"),
    iso: instant.toISO({ suppressMilliseconds: true }) ?? instant.toString(),
    epochMs: instant.toMillis(),
  };
}

/**
 * "11 April 2024" — the date as people read it on every page: luxon's `d MMMM yyyy`. Every card on
 * every listing shows a date and luxon's formatting costs tens of microseconds a call, so the day's
 * parts are put together here around luxon's month name (remembered per month and locale).
 */
export function formatDisplayDate(date: ArticleDate, locale = "en-GB"): string {
  return `${Number(date.day.slice(8, 10))} ${formatMonthName(date.day.slice(5, 7), locale)} ${date.day.slice(0, 4)}`;
}

/** Value for `<time datetime>`. */
export function htmlDate(date: ArticleDate): string {
  return date.iso;
}

/** RFC 3339 / ISO 8601 instant for feeds and sitemaps ("2024-04-11T00:00:00Z" for a day). */
export function isoInstant(date: ArticleDate): string {
  return date.iso === date.day ? `${date.day}T00:00:00Z` : date.iso;
}

export function yearOf(date: ArticleDate): string {
  return date.day.slice(0, 4);
}

/** Two-digit month, "04". */
export function monthOf(date: ArticleDate): string {
  return date.day.slice(5, 7);
}

export function dayOf(date: ArticleDate): string {
  return date.day.slice(8, 10);
}

/** "April 2024". */
const monthLabels = new Map<string, string>();

export function formatMonth(year: string, month: string, locale = "en-GB"): string {
  const key = `${year}-${month}|${locale}`;
  let text = monthLabels.get(key);
  if (text === undefined) {
    text = DateTime.fromObject({ year: Number(year), month: Number(month), day: 1 }, { zone: "utc" })
      .setLocale(locale)
      .toFormat("MMMM yyyy");
    monthLabels.set(key, text);
  }
  return text;
}

const monthNames = new Map<string, string>();

/** "April". */
export function formatMonthName(month: string, locale = "en-GB"): string {
  const key = `${month}|${locale}`;
  let name = monthNames.get(key);
  if (name === undefined) {
    name = DateTime.fromObject({ year: 2000, month: Number(month), day: 1 }, { zone: "utc" }).setLocale(locale).toFormat("MMMM");
    monthNames.set(key, name);
  }
  return name;
}
