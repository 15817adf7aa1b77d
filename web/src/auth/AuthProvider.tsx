import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { changePassword as apiChangePassword, fetchMe, login as apiLogin, logout as apiLogout } from '../api/auth';
import { ApiError, loginUrl, setCsrfToken, setUnauthenticatedHandler } from '../api/client';
import type { Me, PasswordChange, Role } from '../api/types';
import { invalidateRefData } from '../lib/refData';
import { dropEarlyRequests, rememberSession, shouldAskSession, takeEarlyMe } from '../lib/startup';
import { useLoad } from '../lib/useLoad';

export interface AuthValue {
  user: Me | null;
  /** True until the first /me answers. */
  loading: boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  changePassword: (body: PasswordChange) => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  // The session the browser has, if any: asked for once, at start-up (on the page the app was
  // opened on).
  const session = useLoad(async () => {
    const early = takeEarlyMe();
    if (!early && !shouldAskSession(pathname)) return null;
    try {
      const me = await (early ?? fetchMe());
      setCsrfToken(me.csrf_token);
      rememberSession(true);
      return me;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) rememberSession(false);
      else console.warn('GET /me failed', e);
      return null;
    }
  }, []);
  const user = session.data ?? null;
  const { loading, setData: setUser } = session;
  const navigate = useNavigate();

  useEffect(() => {
    setUnauthenticatedHandler((returnTo) => {
      rememberSession(false);
      setUser(null);
      invalidateRefData();
      if (!window.location.pathname.startsWith('/login')) navigate(loginUrl(returnTo), { replace: true });
    });
    return () => setUnauthenticatedHandler(null);
  }, [navigate, setUser]);

  const login = useCallback(async (username: string, password: string) => {
    const res = await apiLogin(username, password);
    setCsrfToken(res.csrf_token);
    rememberSession(true);
    invalidateRefData();
    dropEarlyRequests();
    const me: Me = { ...res.user, csrf_token: res.csrf_token };
    setUser(me);
    return me;
  }, [setUser]);

  const logout = useCallback(async () => {
    try {
      await apiLogout();
    } catch {
      /* the session may already be gone */
    }
    setCsrfToken(null);
    rememberSession(false);
    invalidateRefData();
    dropEarlyRequests();
    setUser(null);
    navigate('/login', { replace: true });
  }, [navigate, setUser]);

  const changePassword = useCallback(async (body: PasswordChange) => {
    await apiChangePassword(body);
  }, []);

  const value = useMemo(
    () => ({ user, loading, login, logout, changePassword }),
    [user, loading, login, logout, changePassword],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The logged-in user; only for pages under RequireAuth. */
export function useUser(): Me {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a user');
  return user;
}

/** Roles that may create tasks (leaders, consolidators; unit heads for their own unit). */
export function canCreateTask(role: Role): boolean {
  return role === 'leader' || role === 'consolidator' || role === 'unit_head';
}

/** Roles that import a work program from a spreadsheet (leaders, consolidators). */
export function canImportProgram(role: Role): boolean {
  return role === 'leader' || role === 'consolidator';
}

/** Roles that write the consolidated report's text and issue it (the consolidating division, leaders). */
export function canPrepareReport(role: Role): boolean {
  return role === 'leader' || role === 'consolidator';
}

/**
 * The page a user starts on after signing in: the agency's dashboard for those who follow the
 * agency's work as a whole (leaders, consolidators, administrators, viewers such as inspectors);
 * "Việc của tôi" for unit heads and specialists, whose work is their unit's or their own tasks.
 */
export function homePath(role: Role): string {
  return role === 'unit_head' || role === 'specialist' ? '/my' : '/';
}
