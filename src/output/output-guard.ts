import { open, readdir, stat } from "node:fs/promises";
import { relative, resolve, sep } from "node:path";
import { GENERATOR } from "../../layouts/feeds.js";
import { DatelineError } from "../errors.js";

/**
 * Every build replaces its whole output folder: the new site is staged beside it and swapped in,
 * and the tree swapped out is where the next build stages, keeping only what that build makes. So
 * a folder given by mistake (`--output docs`, the content folder, the project itself) would be
 * emptied. A build therefore only takes over an output folder that is new, empty, or a Dateline
 * site already; anything else stops it before it writes a byte, with what to do instead.
 */

export interface OutputFolders {
  readonly output: string;
  readonly content: string;
  readonly project: string;
}

export class OutputFolderError extends DatelineError {
  override name = "OutputFolderError";
}

/** What every Dateline site's own feed says of its maker. */
const DATELINE_FEED = `<generator>${GENERATOR}</generator>`;
/** The site feed's head is enough to find its generator. */
const FEED_HEAD_BYTES = 4096;
/** Entries named in the message when a folder holds someone else's files. */
const NAMED_ENTRIES = 3;

/**
 * Throws `OutputFolderError` unless the build may replace `folders.output`. `knownOutput`: this
 * output folder's state says an earlier build made it (its manifest is there).
 */
export async function checkOutputFolder(folders: OutputFolders, knownOutput: boolean): Promise<void> {
  const output = resolve(folders.output);
  const content = resolve(folders.content);
  const project = resolve(folders.project);
  const shown = (path: string) => shownPath(project, path);
  const advice = "Choose another output folder (--output DIR; the default is _site/).";

  if (isWithin(content, output)) {
    throw new OutputFolderError(
      `The output folder ${shown(output)}/ ${content === output ? "is" : "holds"} the content folder ${shown(content)}/. Each build replaces the whole output folder, so the articles would be lost. ${advice}`,
    );
  }
  if (isWithin(output, content)) {
    throw new OutputFolderError(`The output folder ${shown(output)}/ is inside the content folder ${shown(content)}/; the site must be built outside the articles. ${advice}`);
  }
  if (isWithin(project, output)) {
    throw new OutputFolderError(
      `The output folder ${shown(output)} ${project === output ? "is" : "holds"} the project folder. Each build replaces the whole output folder, so the project would be lost. ${advice}`,
    );
  }

  const info = await stat(output).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (!info) return;
  if (!info.isDirectory()) throw new OutputFolderError(`The output ${shown(output)} is a file, not a folder: the site is built into a folder. ${advice}`);
  if (knownOutput) return;
  const entries = (await readdir(output)).sort();
  if (entries.length === 0 || (await isDatelineSite(output))) return;
  const named = entries.slice(0, NAMED_ENTRIES).join(", ") + (entries.length > NAMED_ENTRIES ? `, and ${entries.length - NAMED_ENTRIES} more` : "");
  throw new OutputFolderError(
    `The output folder ${shown(output)}/ already holds files that Dateline did not build (${named}). Each build replaces the whole output folder, so they would be lost. ${advice} Or move those files away, or delete the folder.`,
  );
}

/** A path as the user would type it: relative inside the project, absolute outside it. */
export function shownPath(project: string, path: string): string {
  const inside = relative(project, path);
  if (inside === "") return ".";
  return inside.startsWith("..") ? path : inside;
}

/** True when `inner` is `outer` or inside it. */
function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

/** A site an earlier build made, whose state was since deleted (`rm -rf .dateline-cache`): its feed says so. */
async function isDatelineSite(folder: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(resolve(folder, "feed.xml"), "r");
  } catch {
    return false;
  }
  try {
    const buffer = Buffer.alloc(FEED_HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, FEED_HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString("utf8").includes(DATELINE_FEED);
  } finally {
    await handle.close();
  }
}
