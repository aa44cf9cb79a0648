import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromiumPath } from './test/chromium';

/**
 * Storefront journeys. Without BASE_URL, Playwright starts a production build of the store with the local Stripe
 * emulator (scripts/e2e-server.ts). With BASE_URL=https://… the same journeys run against that deployment and real
 * Stripe test mode; emulator-only steps are skipped with a notice.
 */
const external = Boolean(process.env.BASE_URL);
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = process.env.BASE_URL ?? `http://127.0.0.1:${port}`;
if (!external) process.env.E2E_EMULATOR_URL ??= `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 12112}`;

// Debian's Chromium where it is installed; Playwright's own build elsewhere.
const systemChromium = systemChromiumPath();

export default defineConfig({
  testDir: 'e2e/specs',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
    ['json', { outputFile: 'test-results/e2e.json' }],
  ],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Video needs Playwright's own ffmpeg, which cannot be downloaded on a closed network: opt in with E2E_VIDEO=1.
    video: process.env.E2E_VIDEO === '1' ? 'retain-on-failure' : 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: systemChromium,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: external
    ? undefined
    : {
        command: 'npx tsx scripts/e2e-server.ts',
        url: `${baseURL}/`,
        timeout: 240_000,
        reuseExistingServer: !process.env.CI,
        stdout: 'pipe',
        stderr: 'pipe',
      },
});
