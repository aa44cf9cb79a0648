/**
 * zod for code that runs in the browser (the checkout's contract and API client). zod 4 probes for `eval` support
 * (`new Function('')`) the first time it parses; the store's Content-Security-Policy forbids eval, so every probe would
 * be reported as a violation. Jitless mode never probes. Browser modules `import * as z from '@/lib/zod-browser'`:
 * a namespace import lets the bundler drop what they do not use (zod's `z` object would bring every locale along).
 */
import { config } from 'zod';

config({ jitless: true });

export * from 'zod';
