/**
 * HTML templating with escaping as the default: every value interpolated into `html\`…\`` is
 * escaped unless it is already `SafeHtml` (another template's output, or markdown-it's own output
 * wrapped with `trustedHtml`). Layouts have no other way to emit markup.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for element content and quoted attribute values. Characters HTML cannot carry at
 * all (NUL, stray surrogates) become U+FFFD so no page is invalid because an article was.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (char) => ESCAPES[char]!)
    .replace(/[\u0000\uD800-\uDFFF]/g, (char, offset: number, whole: string) => {
      if (char === "\u0000") return "\uFFFD";
      const code = char.charCodeAt(0);
      const next = whole.charCodeAt(offset + 1);
      const prev = whole.charCodeAt(offset - 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) return char;
      if (code >= 0xdc00 && prev >= 0xd800 && prev <= 0xdbff) return char;
      return "\uFFFD";
    });
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false || value === true) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Marks markup Dateline produced itself (markdown-it with raw HTML off) as safe to emit. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * Serialises data for a `<script type="application/ld+json">` or other inline script: JSON with
 * `<`, `>`, `&` and the line separators escaped so no value can close the element.
 */
export function inlineJson(value: unknown): SafeHtml {
  const json = JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return new SafeHtml(json);
}
