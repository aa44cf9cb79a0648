import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';
import { build } from 'esbuild';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

const STRIPEJS_DIR = fileURLToPath(new URL('./stripejs/', import.meta.url));
const ENTRY = join(STRIPEJS_DIR, 'index.ts');

const MISSING_SCRIPT =
  "console.warn('[stripe-emulator] the stand-in Stripe.js (e2e/stripe-emulator/src/stripejs/index.ts) does not exist yet; window.Stripe is not set.');\n";

export interface Script {
  status: number;
  body: string;
  /** A strong validator of `body` (quoted content hash); only on a built bundle. */
  etag?: string;
  /** `body` compressed, for clients that accept it; only on a built bundle. */
  encoded?: { br: Buffer; gzip: Buffer };
}

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Bundles `src/stripejs/index.ts` into one minified browser IIFE with esbuild, rebuilt only when a file under
 * `stripejs/` changes, with its brotli and gzip forms and an ETag. Without the entry file it answers a script that only
 * warns.
 */
export class StripeJsBundle {
  private cache: { signature: number; script: Script } | null = null;
  private building: Promise<Script> | null = null;

  constructor(private readonly entry: string = ENTRY) {}

  async get(): Promise<Script> {
    if (!existsSync(this.entry)) return { status: 200, body: MISSING_SCRIPT };
    const signature = newestChange(join(this.entry, '..'));
    if (this.cache?.signature === signature) return this.cache.script;
    this.building ??= this.bundle(signature).finally(() => {
      this.building = null;
    });
    return this.building;
  }

  private async bundle(signature: number): Promise<Script> {
    try {
      const result = await build({
        entryPoints: [this.entry],
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2020',
        minify: true,
        legalComments: 'none',
        write: false,
        logLevel: 'silent',
      });
      const code = result.outputFiles[0]?.text ?? MISSING_SCRIPT;
      const [br, gz] = await Promise.all([
        brotli(code, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT },
        }),
        gzipped(code, { level: 9 }),
      ]);
      const etag = `"${createHash('sha256').update(code).digest('base64url').slice(0, 27)}"`;
      const script: Script = { status: 200, body: code, etag, encoded: { br, gzip: gz } };
      this.cache = { signature, script };
      return script;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        status: 500,
        body: `console.error(${JSON.stringify(`[stripe-emulator] stand-in Stripe.js failed to build: ${message}`)});\n`,
      };
    }
  }
}
