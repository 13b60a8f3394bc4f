import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './env';

/** Numbers the screenshots of one test file: `e2e/screenshots/NN-step.png`. */
export function screenshotter(prefix = '') {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  let count = 0;
  return async (page: Page, step: string): Promise<string> => {
    count += 1;
    const path = join(SCREENSHOT_DIR, `${prefix}${String(count).padStart(2, '0')}-${step}.png`);
    await page.screenshot({ path });
    return path;
  };
}
