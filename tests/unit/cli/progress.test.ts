import { describe, expect, it } from "vitest";
import { stepReporter, type BuildProgress } from "../../../src/build-progress.js";
import { LOG_EVERY_MS, ProgressDisplay, SHOWN_FROM_ITEMS, TERMINAL_DELAY_MS, type ProgressBar } from "../../../src/cli/progress.js";

describe("stepReporter", () => {
  it("reports 0, then at most once per `every` items, and always the total", () => {
    const seen: BuildProgress[] = [];
    const report = stepReporter((progress) => seen.push(progress), "read", 1000, 250)!;
    for (let done = 0; done <= 1000; done++) report(done);
    expect(seen.map((p) => p.done)).toEqual([0, 250, 500, 750, 1000]);
    expect(seen.every((p) => p.step === "read" && p.total === 1000)).toBe(true);
  });

  it("does not repeat a count, and reports a total reached by a jump", () => {
    const seen: number[] = [];
    const report = stepReporter((progress) => seen.push(progress.done), "pages", 700, 500)!;
    report(0);
    report(0);
    report(120);
    report(700);
    report(700);
    expect(seen).toEqual([0, 700]);
  });

  it("is nothing without a listener or without work", () => {
    expect(stepReporter(undefined, "read", 10, 1)).toBeUndefined();
    expect(stepReporter(() => undefined, "search", 0, 1)).toBeUndefined();
  });
});

/** A display on a fake clock, recording what a terminal's bar or a log was given. */
function display(terminal: boolean) {
  let now = 0;
  const lines: string[] = [];
  const bars: string[] = [];
  const createBar = (): ProgressBar => ({
    start: (total, value, payload) => bars.push(`start ${payload.label} ${value}/${total}`),
    update: (value) => bars.push(`update ${value}`),
    stop: () => bars.push("stop"),
  });
  const shown = new ProgressDisplay({ terminal, write: (text) => lines.push(text), now: () => now, createBar });
  return {
    shown,
    lines,
    bars,
    at(ms: number, progress: BuildProgress) {
      now = ms;
      shown.update(progress);
    },
  };
}

const TOTAL = 10_000;

describe("ProgressDisplay on a terminal", () => {
  it("shows nothing for a step that ends before the delay", () => {
    const d = display(true);
    d.at(0, { step: "read", done: 0, total: TOTAL });
    d.at(TERMINAL_DELAY_MS - 1, { step: "read", done: TOTAL, total: TOTAL });
    expect(d.bars).toEqual([]);
    expect(d.lines).toEqual([]);
  });

  it("starts a bar once a step has lasted the delay, moves it, and takes it off at the total", () => {
    const d = display(true);
    d.at(0, { step: "read", done: 0, total: TOTAL });
    d.at(TERMINAL_DELAY_MS / 2, { step: "read", done: 1000, total: TOTAL });
    d.at(TERMINAL_DELAY_MS, { step: "read", done: 2000, total: TOTAL });
    d.at(TERMINAL_DELAY_MS + 10, { step: "read", done: 3000, total: TOTAL });
    d.at(TERMINAL_DELAY_MS + 20, { step: "read", done: TOTAL, total: TOTAL });
    expect(d.bars).toEqual([`start reading articles 2000/${TOTAL}`, "update 3000", `update ${TOTAL}`, "stop"]);
  });

  it("takes a step's bar off when the next step starts, and times each step from its own start", () => {
    const d = display(true);
    d.at(0, { step: "read", done: 0, total: TOTAL });
    d.at(2000, { step: "read", done: 5000, total: TOTAL });
    d.at(2500, { step: "pages", done: 0, total: TOTAL });
    d.at(2500 + TERMINAL_DELAY_MS - 1, { step: "pages", done: 10, total: TOTAL });
    expect(d.bars).toEqual([`start reading articles 5000/${TOTAL}`, "stop"]);
    d.at(2500 + TERMINAL_DELAY_MS, { step: "pages", done: 20, total: TOTAL });
    expect(d.bars.at(-1)).toBe(`start writing pages 20/${TOTAL}`);
    d.shown.stop();
    expect(d.bars.at(-1)).toBe("stop");
  });

  it("never shows a step of few items, however long it takes", () => {
    const d = display(true);
    d.at(0, { step: "search", done: 0, total: SHOWN_FROM_ITEMS - 1 });
    d.at(60_000, { step: "search", done: 10, total: SHOWN_FROM_ITEMS - 1 });
    expect(d.bars).toEqual([]);
  });
});

describe("ProgressDisplay in a log", () => {
  it("writes a line once a step has lasted the interval, then at most once per interval, and one when it ends", () => {
    const d = display(false);
    d.at(0, { step: "pages", done: 0, total: TOTAL });
    d.at(LOG_EVERY_MS - 1, { step: "pages", done: 1000, total: TOTAL });
    d.at(LOG_EVERY_MS, { step: "pages", done: 2000, total: TOTAL });
    d.at(LOG_EVERY_MS + 10, { step: "pages", done: 2500, total: TOTAL });
    d.at(2 * LOG_EVERY_MS, { step: "pages", done: 6000, total: TOTAL });
    d.at(2 * LOG_EVERY_MS + 500, { step: "pages", done: TOTAL, total: TOTAL });
    expect(d.lines).toEqual(["writing pages: 2,000 of 10,000\n", "writing pages: 6,000 of 10,000\n", "writing pages: 10,000 of 10,000, done in 10.5 s\n"]);
  });

  it("says nothing of a step that ends within the interval", () => {
    const d = display(false);
    d.at(0, { step: "search", done: 0, total: TOTAL });
    d.at(LOG_EVERY_MS - 1, { step: "search", done: TOTAL, total: TOTAL });
    expect(d.lines).toEqual([]);
  });
});
