import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { LineCounter, parseDocument, isMap, isScalar } from "yaml";
import { z } from "zod";
import { ConfigFileError, describeValue, type Issue } from "./errors.js";
import { normalizePathPrefix } from "./urls.js";

/** Site settings: `content/site.yaml`, every field optional. The README documents each one. */
export interface SiteSettings {
  readonly title: string;
  readonly description: string;
  /** BCP 47 language tag for `<html lang>` and feeds. */
  readonly language: string;
  /** Absolute origin the site is served from, for feeds, sitemap and canonical links. */
  readonly baseUrl: string;
  /** `/` or `/sub/path/`: where on the host the site lives. */
  readonly pathPrefix: string;
  /** Articles per listing page (front page, person, place, tag, year, month). */
  readonly perPage: number;
  /** Articles in each feed. */
  readonly feedLength: number;
  /** Publisher shown in feeds and news metadata. */
  readonly publisher: string;
}

export const SETTINGS_FILE = "site.yaml";

export const DEFAULT_SETTINGS: SiteSettings = {
  title: "Dateline",
  description: "A news archive",
  language: "en",
  baseUrl: "http://localhost:8080/",
  pathPrefix: "/",
  perPage: 20,
  feedLength: 50,
  publisher: "Dateline",
};

const settingsSchema = z
  .object({
    title: z.string().trim().min(1, "`title` must be non-empty text").optional(),
    description: z.string().trim().optional(),
    language: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "`language` must be a language tag like en or en-GB")
      .optional(),
    baseUrl: z
      .string()
      .refine((v) => /^https?:\/\/[^/\s]+/i.test(v) && URL.canParse(v), "`baseUrl` must be an absolute http(s) URL like https://news.example.org/")
      .optional(),
    pathPrefix: z
      .string()
      .refine((v) => /^\/?[A-Za-z0-9._~\-/]*$/.test(v) && !v.split("/").includes(".."), "`pathPrefix` must be a path like /archive/")
      .optional(),
    perPage: z.coerce.number().int("`perPage` must be a whole number").min(1).max(1000).optional(),
    feedLength: z.coerce.number().int("`feedLength` must be a whole number").min(1).max(10000).optional(),
    publisher: z.string().trim().min(1).optional(),
  })
  .strict();

/** Reads and validates `content/site.yaml`; a missing file means every default. */
export async function loadSettings(contentDir: string, displayDir = contentDir): Promise<SiteSettings> {
  const file = join(contentDir, SETTINGS_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return DEFAULT_SETTINGS;
    throw error;
  }
  return parseSettings(text, join(displayDir, SETTINGS_FILE));
}

export function parseSettings(text: string, file: string): SiteSettings {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const issues: Issue[] = doc.errors.map((error) => ({
    file,
    line: error.linePos?.[0].line ?? 1,
    column: error.linePos?.[0].col ?? 1,
    severity: "error",
    field: "",
    reason: `not valid YAML: ${error.message.split("\n")[0]}`,
    ruleId: "settings:yaml",
  }));
  if (issues.length) throw new ConfigFileError(issues);
  const value = doc.toJS() ?? {};
  const fieldLines = new Map<string, number>();
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (isScalar(item.key) && item.key.range) fieldLines.set(String(item.key.value), lines.linePos(item.key.range[0]).line);
    }
  }
  const result = settingsSchema.safeParse(value);
  if (!result.success) {
    throw new ConfigFileError(
      result.error.issues.map((issue) => {
        const field = issue.path.map(String).join(".");
        const found = field ? describeValue((value as Record<string, unknown>)[field]) : describeValue(value);
        const unknownKeys = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : "";
        return {
          file,
          ...(fieldLines.has(field || (issue.code === "unrecognized_keys" ? issue.keys[0]! : ""))
            ? { line: fieldLines.get(field || (issue as { keys: string[] }).keys[0]!)!, column: 1 }
            : {}),
          severity: "error" as const,
          field: field || unknownKeys,
          reason:
            issue.code === "unrecognized_keys"
              ? `unknown setting ${unknownKeys}; expected one of: ${Object.keys(settingsSchema.shape).join(", ")}`
              : `${issue.message}; got ${found}`,
          ruleId: `settings:${field || "unknown"}`,
        };
      }),
    );
  }
  const data = result.data;
  return {
    title: data.title ?? DEFAULT_SETTINGS.title,
    description: data.description ?? DEFAULT_SETTINGS.description,
    language: data.language ?? DEFAULT_SETTINGS.language,
    baseUrl: data.baseUrl ?? DEFAULT_SETTINGS.baseUrl,
    pathPrefix: normalizePathPrefix(data.pathPrefix),
    perPage: data.perPage ?? DEFAULT_SETTINGS.perPage,
    feedLength: data.feedLength ?? DEFAULT_SETTINGS.feedLength,
    publisher: data.publisher ?? data.title ?? DEFAULT_SETTINGS.publisher,
  };
}
