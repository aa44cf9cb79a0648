import { startEmulator } from './index';
import { DEFAULT_WEBHOOK_SECRET } from './webhooks';

const port = Number(process.env.STRIPE_EMULATOR_PORT ?? 12111);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`STRIPE_EMULATOR_PORT must be a port number, got ${process.env.STRIPE_EMULATOR_PORT}`);
  process.exit(1);
}

const running = await startEmulator({
  port,
  host: '127.0.0.1',
  webhookUrl: process.env.STRIPE_EMULATOR_WEBHOOK_URL || undefined,
  webhookSecret: process.env.STRIPE_EMULATOR_WEBHOOK_SECRET || DEFAULT_WEBHOOK_SECRET,
});
console.log(`Stripe emulator listening on ${running.url}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void running.close().then(() => process.exit(0));
  });
}
