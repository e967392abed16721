import { parseArgs } from "node:util";
import { buildSite } from "../build.js";
import { DatelineError, formatIssues } from "../errors.js";
import { checkPathPrefixFlag } from "../settings.js";
import { countPhrase, formatCount } from "../site-model.js";
import { buildProgressOnStderr } from "./progress.js";

const USAGE = `Usage: npm run build -- [--pathprefix=/sub/path/] [--drafts] [--output DIR] [--content DIR] [--no-search]

Builds the site from content/ into _site/. The old _site/ stays as it was unless the build succeeds.
  --pathprefix   serve the site under a sub-path (also the \`pathPrefix\` setting in content/site.yaml)
  --drafts       include articles marked draft: true
  --output DIR   write somewhere other than _site/
  --content DIR  read articles from somewhere other than content/
  --no-search    skip the search index (Pagefind); the search page then finds nothing
  --quiet, -q    print nothing but problems: no progress, no summary`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        pathprefix: { type: "string" },
        drafts: { type: "boolean", default: false },
        output: { type: "string" },
        content: { type: "string" },
        "no-search": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        quiet: { type: "boolean", short: "q", default: false },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const prefixProblem = values.pathprefix === undefined ? undefined : checkPathPrefixFlag(values.pathprefix);
  if (prefixProblem) {
    console.error(`${prefixProblem}\n\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  // Progress of long steps goes to stderr, so stdout is the summary alone.
  const progress = values.quiet ? undefined : buildProgressOnStderr();
  try {
    const report = await buildSite({
      projectDir: process.cwd(),
      ...(values.content ? { contentDir: values.content } : {}),
      ...(values.output ? { outputDir: values.output } : {}),
      ...(values.pathprefix !== undefined ? { pathPrefix: values.pathprefix } : {}),
      includeDrafts: values.drafts,
      search: !values["no-search"],
      ...(progress ? { onProgress: progress.listener } : {}),
    }).finally(() => progress?.stop());
    if (report.warnings.length > 0) console.warn(formatIssues(report.warnings));
    if (!values.quiet) {
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const { written, unchanged, deleted } = report.write;
      console.log(
        `Built ${countPhrase(report.articles)} into ${countPhrase(report.pages, "page", "pages")} in ${seconds} s ` +
          `(${countPhrase(written, "file", "files")} written, ${formatCount(unchanged)} unchanged, ${formatCount(deleted)} removed` +
          `${report.drafts ? `; ${countPhrase(report.drafts, "draft", "drafts")} left out, --drafts to include them` : ""}).`,
      );
      if (report.search) {
        const { shards, indexed, articles } = report.search;
        console.log(`Search index: ${countPhrase(articles)} in ${countPhrase(shards, "shard", "shards")} (${formatCount(indexed)} indexed, ${formatCount(shards - indexed)} unchanged).`);
      }
    }
    return 0;
  } catch (error) {
    if (error instanceof DatelineError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
