import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Debian's Chromium by default; point HUAWU_CHROMIUM at another Chromium/Chrome binary to override. */
export const CHROMIUM_PATH = process.env.HUAWU_CHROMIUM ?? '/usr/bin/chromium';

/** Where `npm run build` leaves the web UI. */
export const WEB_ROOT = fileURLToPath(new URL('../../packages/web/dist', import.meta.url));

/** Screenshots of each test step (git-ignored). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../screenshots', import.meta.url));

/** README screenshots (committed). */
export const DOCS_DIR = fileURLToPath(new URL('../../docs', import.meta.url));

const inCi = () => process.env.CI === 'true';

/**
 * Why the browser suite cannot run here, or `undefined` when it can. Outside CI a missing browser or
 * web build skips the suite with a console message; in CI (`CI=true`) it throws so the run fails loudly.
 */
export function e2eSkipReason(): string | undefined {
  const problems: string[] = [];
  if (!existsSync(CHROMIUM_PATH)) {
    problems.push(
      `Chromium not found at ${CHROMIUM_PATH} (install it with \`apt-get install chromium\` or set HUAWU_CHROMIUM)`,
    );
  }
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    problems.push(
      `the web UI is not built (${join(WEB_ROOT, 'index.html')} is missing; run \`npm run build\`)`,
    );
  }
  if (problems.length === 0) return undefined;
  if (inCi()) throw new Error(`Browser e2e tests cannot run in CI: ${problems.join('; ')}`);
  const reason = `Skipping browser e2e tests: ${problems.join('; ')}`;
  console.warn(`\n⚠ ${reason}\n`);
  return reason;
}
