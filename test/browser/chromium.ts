/**
 * Headless Chromium for browser tests: Debian's /usr/bin/chromium (or CHROMIUM_PATH) driven by
 * playwright-core, with the launch flags from the toolchain notes. Never downloads a browser.
 * A missing browser follows test/harness/tools.ts: a failure naming it in CI, a named skip outside CI.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, describeNeeding, TOOLS } from '../harness/tools';

export { CHROMIUM };
export const chromiumAvailable = TOOLS.chromium.present();

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `describe` for a suite that needs Chromium (test/harness/tools.ts: fails naming it in CI, a named skip outside). */
export function describeWithChromium(): (title: string, fn: () => void) => void {
  return describeNeeding('chromium');
}

export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable)
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
