import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { setUnauthenticatedHandler } from '../api/client';
import { useAuth } from './auth-context';

/** When any request reports a missing or expired session, go to the login page without a reload. */
export function SessionRedirect() {
  const navigate = useNavigate();
  const { setUser } = useAuth();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setUser(null);
      if (!window.location.pathname.startsWith('/login')) navigate('/login', { replace: true });
    });
  }, [navigate, setUser]);
  return null;
}
