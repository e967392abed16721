import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";

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

/** With `prefix` (`/sub/`) the site is served only under that path, as a project page is. */
export async function startStaticServer(root: string, options: { prefix?: string } = {}): Promise<StaticServer> {
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
    response.writeHead(status, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix === "/" ? "" : prefix.slice(0, -1)}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
