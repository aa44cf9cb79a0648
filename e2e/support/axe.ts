import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const BLOCKING = new Set(['serious', 'critical']);

export type AxeSummary = { label: string; total: number; blocking: number; ids: string[] };

/** Every audit of the run, for the summary line printed after the suite. */
export const auditLog: AxeSummary[] = [];

/**
 * Runs axe-core on the page (frames included, so the Stripe Elements too), prints how many violations it found, and
 * fails on any serious or critical one, listing the elements concerned.
 */
export async function expectNoSeriousViolations(page: Page, label: string, testInfo: TestInfo): Promise<AxeSummary> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const blocking = results.violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
  const summary: AxeSummary = {
    label,
    total: results.violations.length,
    blocking: blocking.length,
    ids: results.violations.map(
      (violation) =>
        `${violation.id}(${violation.impact ?? 'n/a'}) at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  };
  auditLog.push(summary);
  console.log(
    `axe ${label}: ${summary.total} violation(s), ${summary.blocking} serious/critical${summary.ids.length ? ` — ${summary.ids.join(', ')}` : ''}`,
  );
  testInfo.annotations.push({
    type: `axe ${label}`,
    description: `${summary.total} violations: ${summary.ids.join(', ') || 'none'}`,
  });
  const details = blocking.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(' ')} — ${node.failureSummary ?? ''}`).join('\n'),
  );
  expect(details, `serious/critical accessibility violations on ${label}`).toEqual([]);
  return summary;
}
