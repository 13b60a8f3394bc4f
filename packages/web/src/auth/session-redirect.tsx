import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { setUnauthenticatedHandler } from '../api/client';
import { useAuth } from './auth-context';
import { currentPath, type LoginState } from './return-to';

/** When any request reports a missing or expired session, go to the login page without a reload. */
export function SessionRedirect() {
  const navigate = useNavigate();
  const { setUser } = useAuth();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setUser(null);
      if (window.location.pathname.startsWith('/login')) return;
      const state: LoginState = { from: currentPath(window.location) };
      navigate('/login', { replace: true, state });
    });
  }, [navigate, setUser]);
  return null;
}
