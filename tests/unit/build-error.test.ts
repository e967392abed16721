import { describe, expect, it } from "vitest";
import { renderBuildErrorBanner, withBuildErrorBanner } from "../../layouts/build-error.js";

describe("build error banner", () => {
  it("shows the message as text", () => {
    const banner = renderBuildErrorBanner('content/a.md:3:1  error  `title` <script>alert(1)</script> "x"');
    expect(banner).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot;");
    expect(banner).not.toContain("<script>");
    expect(banner).toContain('role="alert"');
  });

  it("goes first in the body, leaving the page around it as it was", () => {
    const page = '<!DOCTYPE html><html><head><title>t</title></head><body class="x"><main>Page</main></body></html>';
    const result = withBuildErrorBanner(page, "boom");
    expect(result.startsWith('<!DOCTYPE html><html><head><title>t</title></head><body class="x"><div role="alert"')).toBe(true);
    expect(result.endsWith("</div><main>Page</main></body></html>")).toBe(true);
    expect(withBuildErrorBanner("no body here", "boom")).toMatch(/^<div role="alert"[\s\S]*no body here$/);
  });
});
