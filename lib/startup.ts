import 'server-only';
import { ConfigError, getServerConfig, type ServerConfig } from '@/lib/config';

type StartupOptions = {
  load?: () => ServerConfig;
  exit?: (code: number) => void;
};

/**
 * Validates the configuration in the Node.js runtime at start-up. A ConfigError is printed as one line and ends the
 * process with exit code 1 (Next would only log it and keep the server up, answering every request with a 500).
 * A production server that knows no trusted client address gets a one-line warning (per-address limits are off).
 */
export function checkConfigAtStartup(options: StartupOptions = {}): void {
  const { load = getServerConfig, exit = (code: number) => process.exit(code) } = options;
  let config: ServerConfig;
  try {
    config = load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`ConfigError: ${error.message}`);
    exit(1);
    return;
  }
  if (config.production && !config.testBuild && config.clientIp.kind === 'unknown') {
    console.warn(
      '[config] No trusted client address: per-address limits on discount codes are off. Behind a proxy, set TRUSTED_IP_HEADER or TRUSTED_PROXY_HOPS (README, Configuration).',
    );
  }
}
