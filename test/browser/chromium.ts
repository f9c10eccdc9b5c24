/**
 * Headless Chromium for browser tests: Debian's /usr/bin/chromium (or CHROMIUM_PATH) driven by
 * playwright-core, with the launch flags from the toolchain notes. Never downloads a browser.
 * Outside CI a missing browser skips the suite with a message; in CI it is a failure.
 */
import * as fs from 'fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = fs.existsSync(CHROMIUM);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `describe` when Chromium is there (or in CI, where its absence must fail), else `describe.skip` with a warning. */
export function describeWithChromium(file: string): jest.Describe {
  if (!chromiumAvailable && !process.env.CI) {
    console.warn(
      `SKIPPED ${file}: ${CHROMIUM} not found. Install it with \`sudo apt-get install chromium\` (or run scripts/setup-system.sh).`,
    );
    return describe.skip;
  }
  return describe;
}

export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable)
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
