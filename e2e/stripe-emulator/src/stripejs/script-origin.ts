/**
 * The emulator's origin, from the stand-in script's own `src`. Falls back to any `<script src=".../stripe.js">`
 * (for a script read after it ran) and finally to the page's own origin.
 */
export function scriptOrigin(
  current: Element | null,
  doc: Pick<Document, 'querySelectorAll'>,
  pageUrl: string,
): string {
  const src = current?.getAttribute('src') ?? lastStripeScriptSrc(doc);
  return new URL(src ?? pageUrl, pageUrl).origin;
}

function lastStripeScriptSrc(doc: Pick<Document, 'querySelectorAll'>): string | null {
  const scripts = [...doc.querySelectorAll('script[src]')].filter((s) =>
    /\/stripe\.js(\?|$)/.test(s.getAttribute('src') ?? ''),
  );
  return scripts.at(-1)?.getAttribute('src') ?? null;
}
