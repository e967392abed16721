import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The sitemaps.org schemas written for Dateline's tests (`tests/fixtures/xsd/`). */
export const SITEMAP_XSD = fileURLToPath(new URL("../fixtures/xsd/sitemap.xsd", import.meta.url));
export const SITEMAP_INDEX_XSD = fileURLToPath(new URL("../fixtures/xsd/siteindex.xsd", import.meta.url));

export interface XmllintResult {
  readonly ok: boolean;
  /** xmllint's own messages (stderr), for the assertion message. */
  readonly output: string;
}

/**
 * Runs `xmllint --noout` (Debian package libxml2-utils) on a file: well-formedness, and validity
 * against an XSD when `schema` is given.
 */
export function runXmllint(file: string, schema?: string): Promise<XmllintResult> {
  const args = ["--noout", "--nonet", ...(schema ? ["--schema", schema] : []), file];
  return new Promise((done, fail) => {
    execFile("xmllint", args, (error, _stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === "ENOENT") {
        fail(new Error("xmllint is not installed: install the Debian package libxml2-utils (apt-get install libxml2-utils)"));
        return;
      }
      done({ ok: !error, output: stderr });
    });
  });
}

/** The same for a document held in memory. */
export async function runXmllintOnText(text: string, schema?: string): Promise<XmllintResult> {
  const dir = await mkdtemp(join(tmpdir(), "dateline-xmllint-"));
  try {
    const file = join(dir, "document.xml");
    await writeFile(file, text);
    return await runXmllint(file, schema);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
