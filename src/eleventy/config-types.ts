/** The methods of Eleventy's `eleventyConfig` that Dateline calls. */
export interface EleventyConfig {
  setLibrary(name: string, library: unknown): void;
  addGlobalData(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
  addWatchTarget(target: string): void;
  addPlugin(plugin: (config: EleventyConfig, options?: never) => unknown, options?: unknown): void;
  setQuietMode(quiet: boolean): void;
  setUseGitIgnore(use: boolean): void;
  ignores: { add(glob: string): void };
}
