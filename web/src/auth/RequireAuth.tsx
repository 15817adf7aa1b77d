import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { loginUrl } from '../api/client';
import { PageSpinner } from '../components/PageSpinner';
import { useAuth } from './AuthProvider';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <PageSpinner />;
  if (!user) return <Navigate to={loginUrl(location.pathname + location.search)} replace />;
  return <>{children}</>;
}
