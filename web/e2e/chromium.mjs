// Debian's chromium through playwright-core (never a downloaded browser), shared by the e2e suite
// (support.ts) and the benchmark (bench.mjs). playwright refuses a --user-data-dir argument to
// launch(): it always starts the browser on a fresh temporary profile of its own (removed on
// close), and every context is a fresh incognito-like profile.
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}
