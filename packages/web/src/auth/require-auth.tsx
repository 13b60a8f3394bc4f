import { type ReactNode, useEffect, useState } from 'react';
import { Navigate } from 'react-router-dom';
import { isApiError } from '../api/client';
import { PageError } from '../components/page-error';
import { PageLoading } from '../components/page-loading';
import { useAuth } from './auth-context';

/** Loads the current user (GET /api/auth/me) before rendering protected pages. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loadUser, setUser } = useAuth();
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (user !== undefined) return;
    let cancelled = false;
    setError(null);
    loadUser().catch((err: unknown) => {
      if (cancelled) return;
      if (isApiError(err) && err.status === 401) setUser(null);
      else setError(err);
    });
    return () => {
      cancelled = true;
    };
    // `attempt` re-runs the request when the user presses retry.
  }, [user, loadUser, setUser, attempt]);

  if (user === null) return <Navigate to="/login" replace />;
  if (error) return <PageError error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (user === undefined) return <PageLoading />;
  return <>{children}</>;
}
