/**
 * A headless Chromium for browser tests: Debian's `chromium` driven by playwright-core (never a browser
 * playwright downloads), started without sandbox, GPU or any background networking.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** @example const browser = await launchChromium(); try { ... } finally { await browser.close(); } */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
