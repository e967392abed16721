import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Set by `src/cli/launch.mjs` when it runs Dateline compiled: the modules then run from a copy in
 * `node_modules/.cache/`, and files found relative to a module's own URL would be looked for there.
 */
declare const __DATELINE_SOURCE_ROOT__: string | undefined;

/** The folder Dateline's own files are in (`src/`, `layouts/`, `package-lock.json`), however it runs. */
export const DATELINE_ROOT: string =
  typeof __DATELINE_SOURCE_ROOT__ === "string" ? __DATELINE_SOURCE_ROOT__ : fileURLToPath(new URL("../", import.meta.url));

/** One of Dateline's own files by its path in the repository (`layouts/assets/style.css`). */
export function datelineFile(path: string): string {
  return join(DATELINE_ROOT, path);
}

/** Whether this module runs compiled (`.js`, from `launch.mjs`) rather than from TypeScript source under tsx or Vitest. */
export const RUNS_COMPILED: boolean = import.meta.url.endsWith(".js");
