// Account changes by an administrator (PATCH /users/{id}, when the server offers it).
import { api, ifMatch } from './client';
import type { Id, Role, User } from './types';

/** An account as the server sends it since PATCH /users/{id} exists: with its version. */
export interface VersionedUser extends User {
  version?: number;
}

export interface UserUpdate {
  role?: Role;
  disabled?: boolean;
  /** a new password (ends the account's sessions) */
  password?: string;
}

export const updateUser = (id: Id, version: number, body: UserUpdate) =>
  api.patch<VersionedUser>(`/users/${id}`, body, { headers: ifMatch(version) });

/** True when the server sent the account's version, i.e. the account may be edited. */
export function isEditable(u: VersionedUser): u is VersionedUser & { version: number } {
  return typeof u.version === 'number';
}
