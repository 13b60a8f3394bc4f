import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { Navigate } from 'react-router-dom';
import { isApiError } from '../api/client';
import { PageError } from '../components/page-error';
import { PageLoading } from '../components/page-loading';
import { useAuth } from './auth-context';

/** Loads the current user (GET /api/auth/me) before rendering protected pages. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loadUser, setUser } = useAuth();
  const [error, setError] = useState<unknown>(null);

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

  if (user === null) return <Navigate to="/login" replace />;
  if (error) return <PageError error={error} onRetry={load} />;
  if (user === undefined) return <PageLoading />;
  return <>{children}</>;
}
