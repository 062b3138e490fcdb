import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, installed by `scripts/system-deps.sh` (as for apps/ris-demo's report test). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Test helper: launches the system Chromium headless with background networking off, so the only requests a page
 * makes are its own. Fails (does not skip) when Chromium is missing, as apps/ris-demo's browser test does.
 */
export async function launchHeadlessChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}
