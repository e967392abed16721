import cliProgress from "cli-progress";
import type { BuildProgress, BuildStep } from "../build-progress.js";
import { formatCount } from "../site-model.js";

/**
 * Shows a build's progress (`BuildOptions.onProgress`) on the terminal while it runs: a bar redrawn
 * in place on a terminal, a line now and then in a log (CI, a file). Only long steps are shown, so a
 * rebuild of a few pages prints nothing but its summary.
 */

const LABELS: Record<BuildStep, string> = {
  read: "reading articles",
  pages: "writing pages",
  search: "indexing search",
};

/** A terminal shows a step's bar once the step has lasted this long. */
export const TERMINAL_DELAY_MS = 1_000;
/** A log gets a line once a step has lasted this long, and then at most this often. */
export const LOG_EVERY_MS = 5_000;
/** Steps of fewer items are never shown: they end before anyone could read them. */
export const SHOWN_FROM_ITEMS = 100;

/** What the display needs of a progress bar (cli-progress's `SingleBar`). */
export interface ProgressBar {
  start(total: number, value: number, payload: { label: string }): void;
  update(value: number): void;
  stop(): void;
}

export interface ProgressDisplayOptions {
  /** A terminal gets a bar; anything else gets lines. */
  readonly terminal: boolean;
  /** Where lines go (the log's stream). */
  readonly write: (text: string) => void;
  readonly now?: () => number;
  /** Makes the terminal's bar (tests give their own). */
  readonly createBar?: () => ProgressBar;
}

interface StepState {
  readonly step: BuildStep;
  readonly started: number;
  bar: ProgressBar | undefined;
  lastLine: number;
  lines: number;
}

export class ProgressDisplay {
  private current: StepState | undefined;
  private readonly now: () => number;
  private readonly createBar: () => ProgressBar;

  constructor(private readonly options: ProgressDisplayOptions) {
    this.now = options.now ?? (() => performance.now());
    this.createBar = options.createBar ?? terminalBar;
  }

  /** The listener to give the build. */
  readonly listener = (progress: BuildProgress): void => this.update(progress);

  update({ step, done, total }: BuildProgress): void {
    const now = this.now();
    if (!this.current || this.current.step !== step || done === 0) {
      this.stop();
      this.current = { step, started: now, bar: undefined, lastLine: now, lines: 0 };
    }
    const state = this.current;
    if (total < SHOWN_FROM_ITEMS) return;
    const label = LABELS[step];
    if (this.options.terminal) {
      if (state.bar) {
        state.bar.update(done);
      } else if (done < total && now - state.started >= TERMINAL_DELAY_MS) {
        state.bar = this.createBar();
        state.bar.start(total, done, { label });
      }
      if (done >= total) this.stop();
      return;
    }
    if (done >= total) {
      // A log that was told a step is under way is also told when it ends.
      if (state.lines > 0) this.options.write(`${label}: ${formatCount(total)} of ${formatCount(total)}, done in ${seconds(now - state.started)}\n`);
      this.current = undefined;
    } else if (now - state.started >= LOG_EVERY_MS && now - state.lastLine >= LOG_EVERY_MS) {
      this.options.write(`${label}: ${formatCount(done)} of ${formatCount(total)}\n`);
      state.lastLine = now;
      state.lines++;
    }
  }

  /** Takes a bar off the terminal: before the build's summary or its error is printed. */
  stop(): void {
    this.current?.bar?.stop();
    if (this.current) this.current.bar = undefined;
  }
}

/** A display for a build run from the command line: on standard error, so standard output stays the build's summary. */
export function buildProgressOnStderr(): ProgressDisplay {
  return new ProgressDisplay({ terminal: Boolean(process.stderr.isTTY), write: (text) => process.stderr.write(text) });
}

function terminalBar(): ProgressBar {
  return new cliProgress.SingleBar(
    { format: "{label} [{bar}] {value}/{total}", hideCursor: true, clearOnComplete: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
