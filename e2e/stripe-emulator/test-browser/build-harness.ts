import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Bundles the harness page (React + the real @stripe/react-stripe-js checkout components) into one script. */
export async function buildHarnessBundle(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./harness/main.tsx', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no harness bundle');
  return output.text;
}
