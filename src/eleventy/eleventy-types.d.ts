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
