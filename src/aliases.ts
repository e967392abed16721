import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument, isMap, isSeq, isScalar, LineCounter, type Node as YamlNode } from "yaml";
import { DatelineError } from "./errors.js";
import { slugify } from "./slugs.js";

/**
 * The site-wide aliases file, `content/aliases.yaml`: maps variant names of people, places and tags
 * to one canonical name, and lists names to ignore. Both the importer and the build apply it, so a
 * rename shows on every page after a rebuild. Variants are matched by slug: case, accents and
 * punctuation do not matter ("tony blinken", "Tony Blinken", "Tóny  Blinken").
 */
export type AliasKind = "people" | "places" | "tags";

export const ALIAS_KINDS: readonly AliasKind[] = ["people", "places", "tags"];
export const ALIASES_FILE = "aliases.yaml";

interface AliasTable {
  /** slug of a variant (or of a canonical name) → canonical name */
  readonly canonical: ReadonlyMap<string, string>;
  /** slugs of names to drop */
  readonly ignored: ReadonlySet<string>;
}

export interface Aliases {
  readonly file: string | null;
  readonly people: AliasTable;
  readonly places: AliasTable;
  readonly tags: AliasTable;
}

/** An aliases file that cannot be used: names the file, the line, the field, what was found and expected. */
export class AliasesFileError extends DatelineError {
  override readonly name = "AliasesFileError";
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    readonly actual: string,
    readonly expected: string,
  ) {
    super(`${file}:${line}:1  error  ${field ? `\`${field}\` ` : ""}${expected}; got ${actual}  aliases:shape`);
  }
}

const EMPTY_TABLE: AliasTable = { canonical: new Map(), ignored: new Set() };

export function emptyAliases(): Aliases {
  return { file: null, people: EMPTY_TABLE, places: EMPTY_TABLE, tags: EMPTY_TABLE };
}

/** Whether the aliases rename or drop anything at all (no file, or an empty one, does not). */
export function hasAliases(aliases: Aliases): boolean {
  return ALIAS_KINDS.some((kind) => aliases[kind].canonical.size > 0 || aliases[kind].ignored.size > 0);
}

/**
 * Reads `<contentDir>/aliases.yaml`; a missing file means no aliases. Messages name the file under
 * `displayDir` (the content folder as the user sees it, e.g. `content`), not its absolute path.
 */
export async function loadAliases(contentDir: string, displayDir = contentDir): Promise<Aliases> {
  const file = path.join(contentDir, ALIASES_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyAliases();
    throw error;
  }
  return parseAliases(text, path.join(displayDir, ALIASES_FILE));
}

/** Parses the text of an aliases file (pure; `file` is used in messages). */
export function parseAliases(text: string, file: string): Aliases {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineOf = (node: YamlNode | null | undefined): number => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const firstError = doc.errors[0];
  if (firstError) {
    const line = firstError.linePos?.[0]?.line ?? 1;
    throw new AliasesFileError(file, line, "", JSON.stringify(firstError.message.split("\n")[0]), "the file must be valid YAML");
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ""))) return { ...emptyAliases(), file };
  if (!isMap(root)) throw new AliasesFileError(file, lineOf(root), "", describe(root), "the file must be a mapping with keys people, places, tags");
  const tables: Record<AliasKind, AliasTable> = { people: EMPTY_TABLE, places: EMPTY_TABLE, tags: EMPTY_TABLE };
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (!ALIAS_KINDS.includes(key as AliasKind)) {
      throw new AliasesFileError(file, lineOf(pair.key as YamlNode), key, JSON.stringify(key), "top-level keys must be people, places or tags");
    }
    tables[key as AliasKind] = readTable(pair.value as YamlNode | null, key, file, lineOf);
  }
  return { file, ...tables };
}

function readTable(node: YamlNode | null, kind: string, file: string, lineOf: (n: YamlNode | null | undefined) => number): AliasTable {
  if (node === null || (isScalar(node) && node.value === null)) return EMPTY_TABLE;
  if (!isMap(node)) throw new AliasesFileError(file, lineOf(node), kind, describe(node), "must be a mapping with `aliases` and `ignore`");
  const canonical = new Map<string, string>();
  const ignored = new Set<string>();
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const value = pair.value as YamlNode | null;
    const field = `${kind}.${key}`;
    if (key === "aliases") {
      if (value === null || (isScalar(value) && value.value === null)) continue;
      if (!isMap(value)) throw new AliasesFileError(file, lineOf(value), field, describe(value), "must map each variant to its canonical name");
      for (const entry of value.items) {
        const variant = isScalar(entry.key) ? entry.key.value : undefined;
        const target = isScalar(entry.value) ? entry.value.value : undefined;
        const entryField = `${field}.${String(variant)}`;
        if (typeof target !== "string" || target.trim() === "" || variant === undefined || variant === null || String(variant).trim() === "") {
          throw new AliasesFileError(file, lineOf((entry.value as YamlNode) ?? (entry.key as YamlNode)), entryField, describe(entry.value as YamlNode), "must be a non-empty name");
        }
        canonical.set(slugify(String(variant)), target.trim());
      }
    } else if (key === "ignore") {
      if (value === null || (isScalar(value) && value.value === null)) continue;
      if (!isSeq(value)) throw new AliasesFileError(file, lineOf(value), field, describe(value), "must be a list of names");
      value.items.forEach((item, index) => {
        const name = isScalar(item) ? item.value : undefined;
        if (typeof name !== "string" && typeof name !== "number") {
          throw new AliasesFileError(file, lineOf(item as YamlNode), `${field}[${index}]`, describe(item as YamlNode), "must be a name");
        }
        ignored.add(slugify(String(name)));
      });
    } else {
      throw new AliasesFileError(file, lineOf(pair.key as YamlNode), field, JSON.stringify(key), "keys must be `aliases` or `ignore`");
    }
  }
  return { canonical, ignored };
}

function describe(node: YamlNode | null | undefined): string {
  if (node === null || node === undefined) return "nothing";
  if (isMap(node)) return "a mapping";
  if (isSeq(node)) return "a list";
  if (isScalar(node)) return JSON.stringify(node.value);
  return "something else";
}

/**
 * The canonical name for `name`: the mapped name, the name unchanged, or null when it is listed
 * to ignore. Pure and O(1) (one slug, two map lookups; slugs are memoised).
 */
export function resolveName(aliases: Aliases, kind: AliasKind, name: string): string | null {
  const table = aliases[kind];
  if (table.canonical.size === 0 && table.ignored.size === 0) return name;
  const slug = slugify(name);
  if (table.ignored.has(slug)) return null;
  const mapped = table.canonical.get(slug);
  if (mapped === undefined) return name;
  return table.ignored.has(slugify(mapped)) ? null : mapped;
}

/** Applies `resolveName` to a list, dropping ignored names and duplicates that now share a slug. */
export function resolveNames(aliases: Aliases, kind: AliasKind, names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const resolved = resolveName(aliases, kind, name);
    if (resolved === null) continue;
    const slug = slugify(resolved);
    if (seen.has(slug)) continue;
    seen.add(slug);
    out.push(resolved);
  }
  return out;
}
