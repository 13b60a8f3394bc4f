import { DEMO_PASSWORD } from '@huawu/core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './env';

export const VIEWPORT = { width: 1440, height: 900 };

/** Headless Debian Chromium, quiet and offline apart from the test server. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors (failed requests excluded: some tests expect 401s). */
  errors: string[];
}

/** A fresh browser context (own cookies) as a user in China would have it. */
export async function openSession(browser: Browser, baseURL: string): Promise<Session> {
  const context = await browser.newContext({
    baseURL,
    viewport: VIEWPORT,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(`console: ${message.text()}`);
    }
  });
  return { context, page, errors };
}

/** Fills the login form on the current page and submits it (does not wait for the outcome). */
export async function fillLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByTestId('field-username').fill(username);
  await page.getByTestId('field-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Opens /login, fills the form and submits it (does not wait for the outcome). */
export async function submitLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await fillLogin(page, username, password);
}

/** Logs in and waits for the order list, where a successful login lands. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await submitLogin(page, username, password);
  await page.waitForURL('**/orders');
  await page.getByTestId('current-user-name').waitFor();
}

/**
 * How a shared desk switches users: logs out with the header button (the app returns to /login without
 * a reload), then logs in as `username`. With `path`, opens that page first: the app sends the
 * logged-out user to /login and brings them back to the page after logging in.
 */
export async function switchUser(page: Page, username: string, path?: string): Promise<void> {
  const logout = page.getByTestId('logout');
  if ((await logout.count()) > 0) {
    await logout.click();
    await page.waitForURL('**/login');
  }
  if (path) await page.goto(path);
  else if (!new URL(page.url()).pathname.startsWith('/login')) await page.goto('/login');
  await page.waitForURL('**/login');
  await fillLogin(page, username);
  await page.waitForURL((url) => url.pathname === (path ?? '/orders'));
  await page.getByTestId('current-user-name').waitFor();
}

/** A new context logged in as `username`. */
export async function sessionAs(browser: Browser, baseURL: string, username: string): Promise<Session> {
  const session = await openSession(browser, baseURL);
  await login(session.page, username);
  return session;
}
