import type { Locator } from '@playwright/test';

/** Reads an amount in minor units from an element's numeric `data-value` attribute. */
export async function minorUnits(locator: Locator): Promise<number> {
  const raw = await locator.getAttribute('data-value');
  const value = Number(raw);
  if (raw === null || raw.trim() === '' || !Number.isSafeInteger(value)) {
    throw new Error(`expected an integer data-value, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** The tax a summary's tax row (`data-behavior`, `data-value`) adds on top of the prices; 0 without one. */
export async function taxAddedBy(row: Locator): Promise<number> {
  if ((await row.count()) === 0) return 0;
  if ((await row.getAttribute('data-behavior')) !== 'exclusive') return 0;
  return (await row.getAttribute('data-value')) === '' ? 0 : minorUnits(row);
}

/** A priced line as a page lists it: its name (without the "× n") and its amount in minor units. */
export type ShownLine = { name: string; amount: number };

/** Reads `[data-value]` priced lines whose first `span` holds "name × quantity". */
export async function shownLines(lines: Locator): Promise<ShownLine[]> {
  const shown: ShownLine[] = [];
  for (const line of await lines.all()) {
    const text = (await line.locator('span').first().textContent()) ?? '';
    shown.push({
      name: text.replace(/\s*×\s*\d+\s*$/, '').trim(),
      amount: await minorUnits(line.locator('[data-value]')),
    });
  }
  return shown;
}
