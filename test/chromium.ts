/** The Chromium that Playwright and Lighthouse drive, and the flags it needs headless, as root, on a closed network. */
import { existsSync } from 'node:fs';

/** Debian's Chromium where it is installed (this network cannot download Playwright's own); undefined elsewhere. */
export function systemChromiumPath(): string | undefined {
  return process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}

/** Without the background-networking flags Chromium keeps opening connections that the closed network refuses. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
