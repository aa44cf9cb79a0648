import { describe, expect, it, vi } from 'vitest';
import { ConfigError, parseServerConfig } from '@/lib/config';
import { checkConfigAtStartup } from '@/lib/startup';

const emulator = { STRIPE_EMULATOR_URL: 'http://127.0.0.1:12111' };

function run(load: () => ReturnType<typeof parseServerConfig>) {
  const exit = vi.fn();
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  checkConfigAtStartup({ load, exit });
  const printed = {
    errors: error.mock.calls.map((c) => String(c[0])),
    warnings: warn.mock.calls.map((c) => String(c[0])),
  };
  error.mockRestore();
  warn.mockRestore();
  return { exit, ...printed };
}

describe('checkConfigAtStartup', () => {
  it('prints a refused configuration as one line and exits 1', () => {
    const { exit, errors } = run(() => parseServerConfig({ NODE_ENV: 'production', ...emulator }));
    expect(exit).toHaveBeenCalledWith(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^ConfigError: STRIPE_EMULATOR_URL .*STOREFRONT_TEST_BUILD=1/);
    expect(errors[0]).not.toContain('\n');
  });

  it('rethrows anything that is not a configuration error', () => {
    expect(() =>
      checkConfigAtStartup({
        load: () => {
          throw new TypeError('boom');
        },
        exit: () => {},
      }),
    ).toThrow(TypeError);
    expect(new ConfigError('x')).toBeInstanceOf(Error);
  });

  it('warns once when a production server knows no trusted client address', () => {
    const production = {
      NODE_ENV: 'production',
      STRIPE_SECRET_KEY: 'sk_test_x',
      NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_test_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
      DATABASE_URL: 'postgres://u@h/db',
      BETTER_AUTH_SECRET: 'x'.repeat(32),
      APP_URL: 'https://shop.example',
      SMTP_URL: 'smtp://smtp.example:587',
      MAIL_FROM: 'Larkspur <orders@shop.example>',
    };
    const bare = run(() => parseServerConfig(production));
    expect(bare.exit).not.toHaveBeenCalled();
    expect(bare.warnings).toEqual([expect.stringMatching(/TRUSTED_IP_HEADER or TRUSTED_PROXY_HOPS/)]);
    expect(run(() => parseServerConfig({ ...production, TRUSTED_PROXY_HOPS: '1' })).warnings).toEqual([]);
    expect(run(() => parseServerConfig({ ...production, VERCEL: '1' })).warnings).toEqual([]);
    expect(run(() => parseServerConfig(emulator)).warnings).toEqual([]);
  });
});
