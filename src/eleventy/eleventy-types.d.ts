// The part of Eleventy 3's API Dateline uses. Eleventy ships JSDoc, not TypeScript declarations.
declare module "@11ty/eleventy" {
  export interface EleventyResult {
    url: string | false;
    inputPath: string;
    outputPath: string | false;
    content: string;
  }
  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    pathPrefix?: string;
    runMode?: "build" | "watch" | "serve";
    config?: (eleventyConfig: unknown) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions, eleventyConfig?: unknown);
    toJSON(): Promise<EleventyResult[]>;
    write(): Promise<unknown>;
  }
}

declare module "@11ty/eleventy-dev-server" {
  import type { Server } from "node:http";
  export interface DevServerOptions {
    pathPrefix?: string;
    liveReload?: boolean;
    domDiff?: boolean;
    portReassignmentRetryCount?: number;
    showVersion?: boolean;
    logger?: { info(m: string): void; log(m: string): void; error(m: string): void };
    messageOnStart?: (info: { hosts: string[] }) => string | false;
    /** URL patterns (under the path prefix) → handlers; a handler returning undefined passes the request on. */
    onRequest?: Record<string, (request: { url: URL }) => Promise<DevServerResponse | undefined> | DevServerResponse | undefined>;
  }
  export interface DevServerResponse {
    status?: number;
    headers?: Record<string, string>;
    body: string;
  }
  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    constructor(name: string, dir: string, options?: DevServerOptions);
    readonly server: Server;
    serve(port: number): void;
    ready(): Promise<void>;
    close(): Promise<void>;
    reload(event?: { subtype?: string; files?: string[] }): void;
    sendError(event: { error: Error }): void;
    /** Adds the live-reload client script to an HTML page. */
    augmentContentWithNotifier(content: string): string;
    _serverListen(port: number): void;
  }
}
