import type { Page } from '@playwright/test';

/** What has keyboard focus, wherever it is: the page or one of Stripe's frames (same- or cross-origin). */
export type Focused = {
  inFrame: boolean;
  tag: string;
  name: string;
  text: string;
  href: string;
  testId: string;
};

function describeStop(focused: Focused): string {
  const where = focused.inFrame ? 'frame ' : '';
  return `${where}<${focused.tag}${focused.name ? ` name=${focused.name}` : ''}>${focused.text.slice(0, 40)}${focused.href ? ` → ${focused.href}` : ''}`;
}

/** The focused element, looking into every frame (a frame's document has focus when one of its elements does). */
export async function focusedElement(page: Page): Promise<Focused | null> {
  for (const frame of page.frames()) {
    const inFrame = frame !== page.mainFrame();
    const found = await frame
      .evaluate((): Omit<Focused, 'inFrame'> | null => {
        const active = document.activeElement;
        if (!document.hasFocus() || !active || active === document.body || active.tagName === 'IFRAME') return null;
        const label = active.getAttribute('aria-label') ?? active.textContent ?? '';
        return {
          tag: active.tagName.toLowerCase(),
          name: active.getAttribute('name') ?? '',
          text: label.replace(/\s+/g, ' ').trim(),
          href: active.getAttribute('href') ?? '',
          testId: active.getAttribute('data-testid') ?? '',
        };
      })
      .catch(() => null);
    if (found) return { inFrame, ...found };
  }
  return null;
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches, and fails listing every stop on the way when it
 * never does: the stops are the page's tab order as a keyboard user meets it.
 */
export async function tabTo(
  page: Page,
  matches: (focused: Focused) => boolean,
  options: { backwards?: boolean; maxPresses?: number; what?: string } = {},
): Promise<Focused> {
  const stops: string[] = [];
  const maxPresses = options.maxPresses ?? 60;
  for (let presses = 0; presses < maxPresses; presses += 1) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const focused = await focusedElement(page);
    if (focused && matches(focused)) return focused;
    stops.push(focused ? describeStop(focused) : '(nothing focused)');
  }
  throw new Error(
    `${options.backwards ? 'Shift+Tab' : 'Tab'} never reached ${options.what ?? 'the element'}; stops:\n  ${stops.join('\n  ')}`,
  );
}

export const byName =
  (name: string, inFrame = true) =>
  (focused: Focused): boolean =>
    focused.inFrame === inFrame && focused.name === name;

export const byText =
  (pattern: RegExp) =>
  (focused: Focused): boolean =>
    pattern.test(focused.text);

export const byHref =
  (pattern: RegExp) =>
  (focused: Focused): boolean =>
    pattern.test(focused.href);

/** Tabs to a text field and types into it (typing is allowed in a keyboard-only journey). */
export async function tabAndType(
  page: Page,
  matches: (focused: Focused) => boolean,
  text: string,
  what: string,
): Promise<void> {
  await tabTo(page, matches, { what });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}
