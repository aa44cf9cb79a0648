import 'server-only';
import { ConfigError, getServerConfig } from '@/lib/config';

/**
 * Validates the configuration in the Node.js runtime at start-up. A ConfigError is printed as one line and ends the
 * process with exit code 1 (Next would only log it and keep the server up, answering every request with a 500).
 */
export function checkConfigAtStartup(exit: (code: number) => void = (code) => process.exit(code)): void {
  try {
    getServerConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`ConfigError: ${error.message}`);
    exit(1);
  }
}
