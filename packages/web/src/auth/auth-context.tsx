import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { logout as apiLogout, fetchMe } from '../api/auth';
import type { User } from '../api/types';

interface AuthValue {
  /** `undefined` until loaded, `null` when known to be signed out. */
  user: User | null | undefined;
  setUser: (user: User | null) => void;
  loadUser: () => Promise<User>;
  logout: () => Promise<void>;
  /** True after the user logged out on purpose (then the login page starts afresh, on the list). */
  loggedOut: boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUserState] = useState<User | null | undefined>(undefined);
  const [loggedOut, setLoggedOut] = useState(false);

  const setUser = useCallback((next: User | null) => {
    setLoggedOut(false);
    setUserState(next);
  }, []);

  const loadUser = useCallback(async () => {
    const me = await fetchMe();
    setUser(me);
    return me;
  }, [setUser]);

  const logout = useCallback(async () => {
    try {
      await apiLogout();
    } finally {
      setLoggedOut(true);
      setUserState(null);
    }
  }, []);

  const value = useMemo(
    () => ({ user, setUser, loadUser, logout, loggedOut }),
    [user, setUser, loadUser, logout, loggedOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user; only call below <RequireAuth>. */
export function useCurrentUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser called without a signed-in user');
  return user;
}
