// Account changes by an administrator (PATCH /users/{id}, when the server offers it).
import { api, ifMatch } from './client';
import type { Id, User, UserUpdate } from './types';

export type { UserUpdate };

/** An account as the server sends it: with its version, for If-Match. */
export type VersionedUser = User;

export const updateUser = (id: Id, version: number, body: UserUpdate) =>
  api.patch<VersionedUser>(`/users/${id}`, body, { headers: ifMatch(version) });

/** True when the server sent the account's version, i.e. the account may be edited. */
export function isEditable(u: VersionedUser): u is VersionedUser & { version: number } {
  return typeof u.version === 'number';
}
