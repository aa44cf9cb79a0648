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
