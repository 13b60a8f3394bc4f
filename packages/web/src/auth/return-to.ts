/** Where to go after logging in: the page the user was sent away from (deep links survive the login). */
export interface LoginState {
  from?: string;
}

/** The current in-app address, to hand to the login page as `state.from`. */
export function currentPath(location: { pathname: string; search: string }): string {
  return `${location.pathname}${location.search}`;
}

/** A safe target from the login page's navigation state: only in-app paths, never back to /login. */
export function returnPath(state: unknown): string {
  const from = (state as LoginState | null)?.from;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//')) return '/orders';
  if (from === '/' || from.startsWith('/login')) return '/orders';
  return from;
}
