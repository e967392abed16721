import { datelinePlugin } from "./src/eleventy/plugin.js";
import type { EleventyConfig } from "./src/eleventy/config-types.js";

/** Eleventy wiring only; everything Dateline does lives in src/. */
export default function (eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin(datelinePlugin);
}

export const config = {
  // No `input` here: Dateline hands Eleventy the content folder it was given (`--content`), and
  // Eleventy 3 insists that a configured input exists relative to the working folder.
  dir: { output: "_site" },
  // Articles are read as data by src/, never as templates: Eleventy only sees Dateline's virtual
  // page template (and any *.11ty.js page a user adds).
  templateFormats: ["11ty.js"],
  // Article text is data: never run it through a template language.
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};
