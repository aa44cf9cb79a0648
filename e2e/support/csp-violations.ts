import type { Page } from '@playwright/test';
import { z } from 'zod';

const violationSchema = z.object({
  directive: z.string().catch(''),
  blocked: z.string().catch(''),
  source: z.string().catch(''),
});
export type CspViolation = z.infer<typeof violationSchema>;

const VIOLATION_PREFIX = '[csp-violation]';

/**
 * Records every Content-Security-Policy violation in the page and its frames: the `securitypolicyviolation` DOM event
 * (logged by an init script, which runs in every frame) and Chromium's own "Refused to …" console errors.
 */
export async function watchCspViolations(page: Page): Promise<CspViolation[]> {
  const violations: CspViolation[] = [];
  await page.addInitScript((prefix) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        prefix,
        JSON.stringify({ directive: event.effectiveDirective, blocked: event.blockedURI, source: event.sourceFile }),
      );
    });
  }, VIOLATION_PREFIX);
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith(VIOLATION_PREFIX)) {
      violations.push(violationSchema.parse(JSON.parse(text.slice(VIOLATION_PREFIX.length).trim())));
    } else if (message.type() === 'error' && /Content Security Policy/i.test(text)) {
      violations.push({ directive: 'console', blocked: text, source: message.location().url });
    }
  });
  return violations;
}

/**
 * zod 4 probes for `eval` support (`new Function('')` in a try/catch) the first time it parses an object, unless
 * `z.config({ jitless: true })` was called; the policy blocks it and zod falls back to its normal parser. The probe
 * shows up as a blocked `eval` in script-src. Until the app's and the stand-in's bundles set `jitless`, those reports
 * are set apart (and listed in the test's annotations) instead of failing the journey: a real need for eval would
 * break the checkout itself.
 */
export function isEvalProbe(violation: CspViolation): boolean {
  return violation.directive === 'script-src' && violation.blocked === 'eval';
}
