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
