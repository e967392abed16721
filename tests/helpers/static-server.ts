import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { createGzip } from "node:zlib";

/**
 * A minimal static file server for browser tests: 127.0.0.1, a free port, `index.html` for
 * folders, `404.html` for everything missing — what any static host does with `_site/`.
 */
export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
};

export interface StaticServerOptions {
  /** `/sub/`: the site is served only under that path, as a project page is. */
  readonly prefix?: string;
  /**
   * Gzip text responses (HTML, CSS, JS, JSON, XML) for clients that accept it, as production hosts
   * do; for measuring what a visitor downloads (bench/search.ts).
   */
  readonly gzip?: boolean;
}

const COMPRESSIBLE = new Set([".html", ".css", ".js", ".json", ".xml", ".txt", ".svg"]);

export async function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const base = resolve(root);
  const trimmed = (options.prefix ?? "").replace(/^\/+|\/+$/g, "");
  const prefix = trimmed === "" ? "/" : `/${trimmed}/`;
  const server: Server = createServer(async (request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    // Outside the prefix nothing exists, as on a host serving the site from a sub-path.
    if (!pathname.startsWith(prefix)) pathname = "/.outside-path-prefix/";
    else pathname = "/" + pathname.slice(prefix.length);
    let file = resolve(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = join(file, "index.html");
      info = await stat(file).catch(() => null);
    }
    let status = 200;
    if (!info?.isFile()) {
      status = 404;
      file = join(base, "404.html");
      info = await stat(file).catch(() => null);
      if (!info) {
        response.writeHead(404).end();
        return;
      }
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    if (options.gzip && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
      response.writeHead(status, { "content-type": type, "content-encoding": "gzip", vary: "accept-encoding" });
      createReadStream(file).pipe(createGzip()).pipe(response);
      return;
    }
    response.writeHead(status, { "content-type": type });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix === "/" ? "" : prefix.slice(0, -1)}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
