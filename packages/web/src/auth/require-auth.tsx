import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { isApiError } from '../api/client';
import { PageError } from '../components/page-error';
import { PageLoading } from '../components/page-loading';
import { useAuth } from './auth-context';
import { currentPath, type LoginState } from './return-to';

/** Loads the current user (GET /api/auth/me) before rendering protected pages. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loadUser, setUser, loggedOut } = useAuth();
  const [error, setError] = useState<unknown>(null);
  const location = useLocation();

  const load = useCallback(() => {
    setError(null);
    loadUser().catch((err: unknown) => {
      if (isApiError(err) && err.status === 401) setUser(null);
      else setError(err);
    });
  }, [loadUser, setUser]);

  useEffect(() => {
    if (user === undefined) load();
  }, [user, load]);

  if (user === null) {
    // Signed out by a missing or expired session: come back here after logging in.
    const state: LoginState | undefined = loggedOut ? undefined : { from: currentPath(location) };
    return <Navigate to="/login" replace state={state} />;
  }
  if (error) return <PageError error={error} onRetry={load} />;
  if (user === undefined) return <PageLoading />;
  return <>{children}</>;
}
