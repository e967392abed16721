import { join } from "node:path";
import { prepareSite, type PreparedSite } from "../prepare-site.js";

/**
 * Where the Eleventy plugin gets the prepared site. `npm run build` validates and models the
 * archive before Eleventy starts (so a bad article stops the build with Dateline's own message and
 * no Eleventy error chain) and hands the result over here; Eleventy run on its own
 * (`npx @11ty/eleventy --config=.eleventy.ts`) prepares it from disk.
 */
// Kept on globalThis, not in a module variable: Eleventy imports the config (and so this module)
// with Node's own loader, which under a test runner is a second copy of this module.
const PROVIDED = Symbol.for("dateline.providedSite");
const holder = globalThis as { [PROVIDED]?: PreparedSite | undefined };

export function provideSite(site: PreparedSite | undefined): void {
  holder[PROVIDED] = site;
}

export async function currentSite(projectDir: string): Promise<PreparedSite> {
  return holder[PROVIDED] ?? prepareSite({ contentDir: join(projectDir, "content"), projectDir });
}
