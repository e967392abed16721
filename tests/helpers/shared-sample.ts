import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The team's raw sample in `../shared/samples/`, which issue 4's seven-people tests read. CI has
 * `../shared` (see /README › Tests), so there a missing sample is a failure with a message saying
 * what is missing; only outside CI (CI unset) do those tests skip, for clones without `../shared`.
 */
export const SHARED_SAMPLE = fileURLToPath(new URL("../../../shared/samples/2024-04-11-blinken-gallant.txt", import.meta.url));

const inCi = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false" && process.env.CI !== "0";

/** True when the sample tests should not run: the sample is missing and this is not CI. */
export const skipWithoutSharedSample = !existsSync(SHARED_SAMPLE) && !inCi;

/** The sample's path; throws, naming the path and why it is needed, when the file is missing. */
export function requireSharedSample(): string {
  if (!existsSync(SHARED_SAMPLE)) {
    throw new Error(
      `${SHARED_SAMPLE} is missing: the seven-people sample tests need ../shared/samples/ beside the project ` +
        `(CI=${process.env.CI ?? ""}; outside CI they are skipped, in CI they must run)`,
    );
  }
  return SHARED_SAMPLE;
}
