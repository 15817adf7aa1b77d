import { api } from './client';
import type { LoginResult, Me, Ok, PasswordChange } from './types';

export const login = (username: string, password: string) =>
  api.post<LoginResult>('/auth/login', { username, password }, { noRedirectOn401: true });

export const logout = () => api.post<Ok>('/auth/logout', undefined, { noRedirectOn401: true });

export const fetchMe = () => api.get<Me>('/me', { noRedirectOn401: true });

export const changePassword = (body: PasswordChange) => api.post<Ok>('/me/password', body);
