import { fileURLToPath } from 'node:url';

/** Environment and defaults shared by the commands. */
export const DEFAULT_DATABASE = './data/huawu.db';

export function databaseUrl(option?: string): string {
  return option ?? process.env.HUAWU_DATABASE_URL ?? DEFAULT_DATABASE;
}

/** Where `npm run build` leaves the web UI (packages/web/dist). */
export const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Shows a database URL without its password. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1****@');
}
