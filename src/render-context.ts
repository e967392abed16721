import type { RenderContext } from "../layouts/context.js";
import type { SiteSettings } from "./settings.js";
import { absoluteUrl, withPathPrefix } from "./urls.js";

/** A render context as plain data, so it can cross to a worker thread: the context is made from it. */
export interface RenderSettings {
  readonly site: SiteSettings;
  readonly stylesheetUrl: string;
  readonly searchScriptUrl?: string;
}

export function createRenderContext(settings: SiteSettings, stylesheetUrl: string, searchScriptUrl?: string): RenderContext {
  return {
    site: settings,
    link: (url) => withPathPrefix(settings.pathPrefix, url),
    absolute: (url) => absoluteUrl(settings.baseUrl, settings.pathPrefix, url),
    stylesheetUrl,
    ...(searchScriptUrl ? { searchScriptUrl } : {}),
  };
}

export function renderContextFrom(render: RenderSettings): RenderContext {
  return createRenderContext(render.site, render.stylesheetUrl, render.searchScriptUrl);
}

export function renderSettingsOf(context: RenderContext): RenderSettings {
  return { site: context.site, stylesheetUrl: context.stylesheetUrl, ...(context.searchScriptUrl ? { searchScriptUrl: context.searchScriptUrl } : {}) };
}
