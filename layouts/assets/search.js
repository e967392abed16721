// Dateline's search page: reads the query from the URL, runs Pagefind over the shards it needs, and
// shows the results. Plain DOM, no framework; see docs/search.md for the index design.
//
// Rules kept here:
// - The URL is the state. Every search is reflected in it (pushState for a new search,
//   replaceState while typing), and popstate re-runs the search, so back, bookmarks and shared
//   links all work.
// - Text from the index is never parsed as HTML: titles, dates and names go in with textContent.
//   The one exception, Pagefind's excerpt, is rebuilt node by node, keeping only its <mark>s.
// - Every URL comes from the page's data attributes (made with the site's path prefix).

const PAGE_SIZE = 10;
const FILTER_KEYS = ["person", "place", "tag", "year"];
const FILTER_NAMES = { person: "Person", place: "Place", tag: "Tag", year: "Year" };
const SORTS = { newest: { date: "desc" }, oldest: { date: "asc" } };

/** Pagefind's own files that it stores gzipped: metadata, index chunks, filters, fragments, WebAssembly. */
const GZIPPED_FILE = /\.(?:pf_meta|pf_index|pf_filter|pf_fragment|pagefind)$/;

/** Setup files given a `<link rel=preload>` already, by absolute URL: each is asked for once. */
const preloaded = new Set();

// The script is loaded `async` from the page's head, so it can run before the page is parsed. It
// asks for the shard list and every file Pagefind needs before it can search right away; the page
// logic starts once the search element exists.
const shardListLink = document.getElementById("search-shard-list");
const earlyShardList = shardListLink ? beginLoading(shardListLink.href) : null;
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startSearchPage);
else startSearchPage();

function startSearchPage() {
  const root = document.getElementById("search");
  if (root) start(root, earlyShardList);
}

/**
 * Left to itself Pagefind finds its files one round trip after another: its script, then the
 * first shard's entry, then its metadata and WebAssembly, then (once that is running) each other
 * shard's entry and metadata. The shard list names them all (src/search/index-layout.ts), so they
 * are requested as soon as the list is in, side by side, for the shards the URL's query needs, and
 * Pagefind later finds them already loaded.
 */
function beginLoading(listUrl) {
  const list = fetchShardList(listUrl);
  const indexBase = new URL(".", listUrl).href;
  list.then(
    (shardList) => {
      const state = stateFromSearch(location.search);
      const shards = shardsFor(shardList, state);
      preloadSetupFiles(indexBase, shards, primaryShard(shards));
      // A search is coming: its setup cost is paid while the files are on their way.
      if (hasSomethingToSearch(state)) setTimeout(warmTextSegmenter, 0);
    },
    // The page reports a missing index when it renders; nothing to preload meanwhile.
    () => undefined,
  );
  return list;
}

/**
 * Pagefind cuts every query into graphemes with `Intl.Segmenter`, and the first segmenter made on a
 * page costs ~20 ms of main thread (the browser loads its break rules, whatever the locale). Made
 * ahead, while the page waits on the network, the first search does not pay it.
 */
let textSegmenterWarm = false;
function warmTextSegmenter() {
  if (textSegmenterWarm || typeof Intl.Segmenter !== "function") return;
  textSegmenterWarm = true;
  try {
    new Intl.Segmenter(document.documentElement.lang || undefined, { granularity: "grapheme" });
  } catch {
    new Intl.Segmenter(undefined, { granularity: "grapheme" }); // a lang attribute that is no locale
  }
}

async function fetchShardList(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`shards.json: HTTP ${response.status}`);
  return response.json();
}

/** A year filter needs only the shards holding that year; anything else needs all. */
function shardsFor(shardList, state) {
  const all = shardList.shards;
  return state.year ? all.filter((shard) => shard.years.includes(state.year)) : all;
}

/**
 * The shard Pagefind starts from, whose script and WebAssembly every other shard shares: the one
 * with the fewest articles (the newest, still open one, as a rule), so that its metadata is in
 * before the WebAssembly is running and it is searchable at once.
 */
function primaryShard(shards) {
  return shards.reduce((smallest, shard) => (shard.articles < smallest.articles ? shard : smallest), shards[0]);
}

/**
 * Pagefind offers no promise of being ready: a merged index waits for the first one's WebAssembly,
 * and a search for each index's metadata, by checking every 50 ms. Started a moment too early,
 * either sits idle for up to 50 ms. The one step visible from outside is the WebAssembly being
 * instantiated, so this resolves a task after that (the instance is stored by then), and the merges
 * start with no wait. Should Pagefind instantiate some other way, it resolves after 250 ms anyway
 * and Pagefind's own checks take over.
 */
function pagefindWasmRunning() {
  const { instantiate, instantiateStreaming } = WebAssembly;
  return new Promise((resolve) => {
    const done = () => {
      WebAssembly.instantiate = instantiate;
      WebAssembly.instantiateStreaming = instantiateStreaming;
      clearTimeout(fallback);
      setTimeout(resolve, 0);
    };
    const fallback = setTimeout(done, 250);
    const watch = (original) =>
      function (...args) {
        const instantiating = original.apply(WebAssembly, args);
        instantiating.then(done, done);
        return instantiating;
      };
    WebAssembly.instantiate = watch(instantiate);
    if (instantiateStreaming) WebAssembly.instantiateStreaming = watch(instantiateStreaming);
  });
}

/**
 * Preloads each shard's entry and metadata, and for `primary` (the shard Pagefind starts from, if
 * it has not yet) its script and WebAssembly: merged shards use the primary's.
 */
function preloadSetupFiles(indexBase, shards, primary) {
  const add = (rel, href) => {
    const url = new URL(href, location.href).href;
    if (preloaded.has(url)) return;
    preloaded.add(url);
    const link = document.createElement("link");
    link.rel = rel;
    link.href = url;
    if (rel === "preload") {
      link.as = "fetch";
      link.crossOrigin = "anonymous"; // the mode and credentials of Pagefind's own fetch()
    }
    document.head.append(link);
  };
  if (primary) add("modulepreload", indexBase + primary.path + "pagefind.js");
  for (const shard of shards) {
    if (!shard.preload) continue;
    const bundle = indexBase + shard.path;
    add("preload", bundle + shard.preload.entry);
    add("preload", bundle + shard.preload.meta);
    if (shard === primary) add("preload", bundle + shard.preload.wasm);
  }
}

/**
 * Pagefind stores its files gzipped and inflates each one in JavaScript on the main thread, unless
 * it already starts with Pagefind's signature (what a gzipped file holds once inflated). The
 * browser's own DecompressionStream inflates natively and off the script's time, so Pagefind's
 * fetches of its files under `indexBase` are answered inflated, and Pagefind skips its inflater.
 * Bytes on the wire are unchanged. Where DecompressionStream is missing, nothing changes.
 */
function inflateNatively(indexBase) {
  if (typeof DecompressionStream !== "function" || typeof window.fetch !== "function") return;
  const base = new URL(indexBase, location.href).href;
  const fetchFromNetwork = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await fetchFromNetwork(input, init);
    const url = typeof input === "string" || input instanceof URL ? new URL(input, location.href).href : input.url;
    if (!response.ok || !url.startsWith(base) || !GZIPPED_FILE.test(url.split(/[?#]/)[0])) return response;
    const bytes = new Uint8Array(await response.arrayBuffer());
    // Not gzip (a host that served the file inflated already): Pagefind handles it as it is.
    const body = bytes[0] === 0x1f && bytes[1] === 0x8b ? new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")) : bytes;
    return new Response(body, { status: response.status, statusText: response.statusText });
  };
}

function start(root, earlyShardList) {
  const indexBase = root.dataset.index; // e.g. "/sub/pagefind/"
  const siteRoot = root.dataset.siteRoot; // e.g. "/sub/"
  const searchPage = root.dataset.searchPage; // e.g. "/sub/search/"
  // Ids of the anchors that carry a result's labels and date (src/search/page-attributes.ts).
  const termAnchorPrefix = root.dataset.termAnchor || "term-";
  const dateAnchorId = root.dataset.dateAnchor || "article-date";
  const form = root.querySelector(".search-form");
  const input = root.querySelector("#search-q");
  const yearSelect = root.querySelector("#search-year");
  const sortSelect = root.querySelector("#search-sort");
  const filtersBox = root.querySelector(".search-filters");
  const status = root.querySelector(".search-status");
  const list = root.querySelector(".search-results");
  const more = root.querySelector(".search-more");

  inflateNatively(indexBase);

  let shardList = null; // pagefind/shards.json
  let pendingShardList = earlyShardList; // the request made before the page was parsed, used once
  let pagefind = null; // the Pagefind module, once the first shard is set up
  let setUp = null; // promise: Pagefind loaded, with its first shard's options set
  const merges = new Map(); // shard path → promise of it being searchable (the first: setUp)
  let generation = 0; // a newer search makes older ones stop writing to the page
  let shown = []; // results of the current search
  let shownCount = 0;
  const labels = { person: new Map(), place: new Map(), tag: new Map() };

  form.hidden = false;

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const state = readForm();
    navigate(state, "push");
  });
  input.addEventListener("input", debounce(() => navigate(readForm(), "replace"), 300));
  yearSelect.addEventListener("change", () => navigate(readForm(), "push"));
  sortSelect.addEventListener("change", () => navigate(readForm(), "push"));
  more.addEventListener("click", () =>
    showMore(generation).catch((error) => {
      list.removeAttribute("aria-busy");
      console.error(error);
    }),
  );
  // Links inside the results and filter chips are ordinary links to this page; handle them here so
  // the page does not reload (and still works if opened in a new tab).
  root.addEventListener("click", (event) => {
    const anchor = event.target instanceof Element ? event.target.closest("a[data-search-link]") : null;
    if (!anchor || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(stateFromSearch(new URL(anchor.href).search), "push");
  });
  window.addEventListener("popstate", () => render(stateFromSearch(location.search)));

  render(stateFromSearch(location.search));

  function readForm() {
    const current = stateFromSearch(location.search);
    return { ...current, q: input.value.trim(), year: yearSelect.value, sort: sortSelect.value };
  }

  function navigate(state, mode) {
    const url = searchPage + queryString(state);
    if (url !== location.pathname + location.search) {
      if (mode === "push") history.pushState(null, "", url);
      else history.replaceState(null, "", url);
    }
    render(state);
  }

  async function render(state) {
    const mine = ++generation;
    input.value = state.q;
    sortSelect.value = SORTS[state.sort] ? state.sort : "";
    document.title = state.q ? `${state.q} — ${baseTitle()}` : baseTitle();
    try {
      shardList = shardList ?? (await loadShardList());
      if (mine !== generation) return;
      fillYears(state.year);
      showFilters(state);
      const filters = activeFilters(state);
      if (!hasSomethingToSearch(state)) {
        clearResults();
        const total = shardList.shards.reduce((sum, shard) => sum + shard.articles, 0);
        setStatus(total === 0 ? "There are no articles to search yet." : `Search ${total.toLocaleString()} articles: type some words above.`);
        if (total > 0) warmUp();
        return;
      }
      setStatus("Searching…");
      list.setAttribute("aria-busy", "true");
      const shards = shardsFor(shardList, state);
      if (shards.length === 0) {
        showResults(mine, state, []);
        return;
      }
      await loadShards(shards);
      if (mine !== generation) return;
      const results = await runSearch(state, filters, shards);
      if (mine !== generation) return;
      await showResults(mine, state, results);
    } catch (error) {
      if (mine !== generation) return;
      clearResults();
      setStatus("Search is not available right now: the search index could not be loaded.");
      console.error(error);
    }
  }

  /** A failed request is made again by the next search. */
  function loadShardList() {
    const pending = pendingShardList ?? fetchShardList(indexBase + "shards.json");
    pendingShardList = null;
    return pending;
  }

  async function loadShards(shards) {
    // Already requested for the URL's query; a later search may need other shards.
    preloadSetupFiles(indexBase, shards.filter((shard) => !merges.has(shard.path)), setUp ? null : primaryShard(shards));
    if (!setUp) {
      const first = primaryShard(shards);
      const bundle = indexBase + first.path;
      setUp = (async () => {
        const module = await import(bundle + "pagefind.js");
        // No web worker: it would cost another 43 KB of script before the first results, the
        // preloaded files could not be handed to it, and a search over these indexes takes
        // 20–90 ms of main thread at 10,000 articles (docs/search.md).
        await module.options({ basePath: bundle, baseUrl: siteRoot, excerptLength: 30, mergeFilter: { shard: first.path }, noWorker: true, ...cacheTag(first) });
        const running = pagefindWasmRunning();
        await module.init();
        await running;
        pagefind = module;
      })();
      merges.set(first.path, setUp);
      // A failed start is tried again by the next search.
      setUp.catch(() => {
        setUp = null;
        merges.delete(first.path);
      });
    }
    await setUp;
    // All at once: each merge waits on its own metadata, not on the others'. A search started while
    // the page was warming up waits on the same merges rather than starting its own.
    for (const shard of shards) {
      if (merges.has(shard.path)) continue;
      const merging = pagefind.mergeIndex(indexBase + shard.path, { baseUrl: siteRoot, excerptLength: 30, mergeFilter: { shard: shard.path }, ...cacheTag(shard) });
      merges.set(shard.path, merging);
      merging.catch(() => merges.delete(shard.path));
    }
    await Promise.all(shards.map((shard) => merges.get(shard.path)));
  }

  /**
   * Someone who opens the search page is about to search: Pagefind, its WebAssembly and every
   * shard's metadata load while they type, so their first query fetches only its words' chunks and
   * results. Marked for `npm run bench` (the time from a typed query to its results).
   */
  function warmUp() {
    const whenIdle = window.requestIdleCallback ?? ((callback) => setTimeout(callback, 0));
    whenIdle(() => {
      warmTextSegmenter();
      loadShards(shardList.shards).then(
        () => {
          markOnce("dateline-search-ready");
        },
        (error) => console.error(error),
      );
    });
  }

  /** The entry's `?ts=` tag: fixed per shard (its content hash), so the entry can be preloaded. */
  function cacheTag(shard) {
    const tag = shard.preload ? new URLSearchParams(shard.preload.entry.split("?")[1] || "").get("ts") : null;
    return tag ? { metaCacheTag: tag } : {};
  }

  async function runSearch(state, filters, shards) {
    const term = state.q || null;
    const sort = SORTS[state.sort];
    if (!sort) return (await pagefind.search(term, { filters })).results;
    // Pagefind orders results merged from several indexes by score, whatever the sort. Shards are
    // runs of months, so a date order is each shard's own date order, shard after shard.
    const ordered = state.sort === "newest" ? [...shards].reverse() : shards;
    const results = [];
    for (const shard of ordered) {
      const search = await pagefind.search(term, { filters: { ...filters, shard: shard.path }, sort });
      results.push(...search.results);
    }
    return results;
  }

  function showResults(mine, state, results) {
    shown = results;
    shownCount = 0;
    list.replaceChildren();
    if (results.length === 0) {
      setStatus(noResultsMessage(state));
      more.hidden = true;
      list.removeAttribute("aria-busy");
      return;
    }
    const count = results.length;
    setStatus(`${count.toLocaleString()} ${count === 1 ? "article" : "articles"}${state.q ? ` for “${state.q}”` : ""}${describeFilters(state)}.`);
    return showMore(mine);
  }

  async function showMore(mine) {
    const batch = shown.slice(shownCount, shownCount + PAGE_SIZE);
    shownCount += batch.length;
    more.hidden = shownCount >= shown.length;
    list.setAttribute("aria-busy", "true"); // until the whole batch is on screen
    // Every fragment is asked for at once, and each result goes on screen as soon as it and those
    // above it are in: the first result does not wait for the slowest of the batch.
    const pending = batch.map((result) => result.data());
    for (const data of pending) data.catch(() => undefined); // a failure is reported where it is awaited
    for (const data of pending) {
      const item = await data;
      if (mine !== generation) return;
      list.append(renderResult(item));
      // For `npm run bench` (time to first results), and anyone measuring in the field.
      markOnce("dateline-search-results");
    }
    list.removeAttribute("aria-busy");
    showFilters(stateFromSearch(location.search));
    markOnce("dateline-search-page-shown");
  }

  function renderResult(item) {
    const meta = item.meta || {};
    const { terms, date } = readAnchors(item.anchors, termAnchorPrefix, dateAnchorId);
    for (const key of ["person", "place", "tag"]) for (const [slug, label] of terms[key]) labels[key].set(slug, label);

    const li = element("li", "search-result");
    const heading = element("h2", "search-result-title");
    const link = element("a");
    link.href = safeSiteUrl(item.url, siteRoot, location.href);
    link.textContent = meta.title || item.url;
    heading.append(link);
    li.append(heading);

    const info = element("p", "search-result-meta");
    if (date) info.append(element("span", "search-result-date", date));
    if (terms.person.length > 0) {
      if (date) info.append(" · ");
      terms.person.forEach(([slug, label], index) => {
        if (index > 0) info.append(", ");
        info.append(filterLink("person", slug, label));
      });
    }
    li.append(info);

    const excerpt = element("p", "search-result-excerpt");
    excerpt.append(excerptNodes(item.excerpt || ""));
    li.append(excerpt);
    return li;
  }

  /** A link to this search narrowed to one more term (or, from a filter chip, one term less). */
  function filterLink(key, value, label, remove = false) {
    const state = stateFromSearch(location.search);
    const next = { ...state, [key]: remove ? "" : value };
    const anchor = element("a", remove ? "search-filter-remove" : "search-filter-add", label);
    anchor.href = searchPage + queryString(next);
    anchor.dataset.searchLink = "";
    if (!remove) anchor.title = `Only articles with ${FILTER_NAMES[key].toLowerCase()} ${label}`;
    return anchor;
  }

  function showFilters(state) {
    const active = FILTER_KEYS.filter((key) => key !== "year" && state[key]);
    filtersBox.replaceChildren();
    filtersBox.hidden = active.length === 0;
    if (active.length === 0) return;
    filtersBox.append(element("span", "search-filters-label", "Only articles with: "));
    for (const key of active) {
      const chip = element("span", "search-filter");
      chip.append(`${FILTER_NAMES[key]}: ${labelOf(key, state[key])} `);
      const remove = filterLink(key, state[key], "✕", true);
      remove.setAttribute("aria-label", `Remove ${FILTER_NAMES[key].toLowerCase()} ${labelOf(key, state[key])}`);
      chip.append(remove);
      filtersBox.append(chip, " ");
    }
  }

  function fillYears(selected) {
    if (yearSelect.options.length <= 1) {
      const years = [...new Set(shardList.shards.flatMap((shard) => shard.years))].sort().reverse();
      for (const year of years) yearSelect.append(new Option(year, year));
    }
    // A year in the URL that the archive lacks is still shown as chosen (and finds nothing).
    if (selected && ![...yearSelect.options].some((option) => option.value === selected)) yearSelect.append(new Option(selected, selected));
    yearSelect.value = selected;
  }

  function noResultsMessage(state) {
    const what = state.q ? `No articles found for “${state.q}”` : "No articles found";
    return `${what}${describeFilters(state)}. Try fewer or different words${activeCount(state) > 0 ? ", or remove a filter" : ""}.`;
  }

  function describeFilters(state) {
    const parts = FILTER_KEYS.filter((key) => state[key]).map((key) => `${FILTER_NAMES[key].toLowerCase()} ${labelOf(key, state[key])}`);
    return parts.length ? ` with ${parts.join(", ")}` : "";
  }

  function labelOf(key, value) {
    return key === "year" ? value : labels[key].get(value) ?? value;
  }

  function clearResults() {
    shown = [];
    shownCount = 0;
    list.replaceChildren();
    list.removeAttribute("aria-busy");
    more.hidden = true;
  }

  function setStatus(text) {
    status.textContent = text;
  }

  function baseTitle() {
    return root.dataset.baseTitle || (root.dataset.baseTitle = document.title);
  }
}

/**
 * Only paths of this site: a result URL is never followed to another origin or scheme. The URL
 * parser decides, as the browser will when the link is followed: `//host`, `/\host` and `/\t/host`
 * all start with "/" but lead to another host. Backslashes, whitespace and control characters are
 * refused outright: no path of ours holds one.
 */
function safeSiteUrl(url, siteRoot, pageUrl) {
  if (typeof url !== "string" || !url.startsWith(siteRoot) || /[\\\u0000-\u0020\u007F]/.test(url)) return siteRoot;
  let resolved;
  try {
    resolved = new URL(url, pageUrl);
  } catch {
    return siteRoot;
  }
  return resolved.origin === new URL(pageUrl).origin && resolved.pathname.startsWith(siteRoot) ? url : siteRoot;
}

function stateFromSearch(search) {
  const params = new URLSearchParams(search);
  const get = (key) => (params.get(key) || "").trim();
  return { q: get("q"), person: get("person"), place: get("place"), tag: get("tag"), year: get("year"), sort: get("sort") };
}

/** `?q=gallant&person=yoav-gallant`: only the parameters that are set, in a fixed order. */
function queryString(state) {
  const params = new URLSearchParams();
  for (const key of ["q", ...FILTER_KEYS, "sort"]) if (state[key]) params.set(key, state[key]);
  const text = params.toString();
  return text ? `?${text}` : "";
}

function hasSomethingToSearch(state) {
  return Boolean(state.q) || Object.keys(activeFilters(state)).length > 0;
}

function activeFilters(state) {
  const filters = {};
  for (const key of FILTER_KEYS) if (state[key]) filters[key] = state[key];
  return filters;
}

function activeCount(state) {
  return FILTER_KEYS.filter((key) => state[key]).length;
}

/**
 * A result's labels and date, from the anchors Pagefind keeps of the article page: each term
 * link's id is `<prefix><filter>-<slug>` and its text the label; the date's `<time>` has its own id.
 */
function readAnchors(anchors, termPrefix, dateId) {
  const terms = { person: [], place: [], tag: [] };
  let date = "";
  for (const anchor of Array.isArray(anchors) ? anchors : []) {
    if (typeof anchor?.id !== "string" || typeof anchor.text !== "string") continue;
    if (anchor.id === dateId) {
      date = anchor.text;
      continue;
    }
    if (!anchor.id.startsWith(termPrefix)) continue;
    const rest = anchor.id.slice(termPrefix.length);
    const dash = rest.indexOf("-");
    const key = rest.slice(0, dash);
    if (dash > 0 && Object.hasOwn(terms, key)) terms[key].push([rest.slice(dash + 1), anchor.text]);
  }
  return { terms, date };
}

/**
 * Pagefind's excerpt is the page text with `<` and `>` escaped and matched words wrapped in
 * `<mark>`. Split on exactly those tags and put everything else in as text, so nothing in an
 * article can become markup here.
 */
function excerptNodes(excerpt) {
  const fragment = document.createDocumentFragment();
  let inMark = false;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>") inMark = true;
    else if (part === "</mark>") inMark = false;
    else if (part) {
      const text = part.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
      fragment.append(inMark ? element("mark", undefined, text) : document.createTextNode(text));
    }
  }
  return fragment;
}

function markOnce(name) {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function debounce(fn, ms) {
  let timer;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}
