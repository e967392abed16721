import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/**
 * The peer for `--peer hugo`: a minimal Hugo site over the same corpus, with the same taxonomies
 * (people, places, tags), 20 articles per listing page, and only article pages marked for
 * Pagefind (`data-pagefind-body`), as Dateline indexes only articles.
 */
const FILES: Record<string, string> = {
  "layouts/_default/baseof.html": `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} — {{ site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="canonical" href="{{ .Permalink }}"></head>
<body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav><a href="{{ "/people/" | relURL }}">People</a> <a href="{{ "/places/" | relURL }}">Places</a> <a href="{{ "/tags/" | relURL }}">Tags</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
`,
  "layouts/_default/single.html": `{{ define "main" }}<article data-pagefind-body>
<h1>{{ .Title }}</h1><p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
{{ .Content }}
<dl>{{ range $taxonomy, $_ := site.Taxonomies }}{{ with $.GetTerms $taxonomy }}<dt>{{ $taxonomy }}</dt><dd><ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul></dd>{{ end }}{{ end }}</dl>
</article>
<nav>{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
{{ end }}
`,
  "layouts/_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pages := .Paginate .RegularPagesRecursive }}<ol>{{ range $pages.Pages }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p><time>{{ .Date.Format "2 January 2006" }}</time></p><p>{{ .Summary | plainify | truncate 280 }}</p></li>{{ end }}</ol>
{{ template "_internal/pagination.html" . }}{{ end }}
`,
  "layouts/_default/terms.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}
`,
};

export async function writeHugoSite(dir: string, contentDir: string): Promise<void> {
  const config = `baseURL = "https://bench.example.org/"
title = "Bench Gazette"
languageCode = "en"
contentDir = ${JSON.stringify(contentDir)}
paginate = 20
summaryLength = 50
[taxonomies]
  person = "people"
  place = "places"
  tag = "tags"
[markup.goldmark.renderer]
  unsafe = false
`;
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "config.toml"), config);
  for (const [path, text] of Object.entries(FILES)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}
