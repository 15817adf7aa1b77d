import { api, ifMatch } from './client';
import type { Id, ItemList, Person, PersonCreate, User, UserCreate } from './types';

export const listPeople = (organizationId?: Id) =>
  api.get<ItemList<Person>>('/people', { query: { organization_id: organizationId } });

export const createPerson = (body: PersonCreate) => api.post<Person>('/people', body);

export const listUsers = () => api.get<ItemList<User>>('/users');

export const createUser = (body: UserCreate) => api.post<User>('/users', body);

/** What an administrator may change of a person (PATCH /people/{id}); active=false also locks the account. */
export interface PersonUpdate {
  organization_id?: Id;
  full_name?: string;
  position?: string;
  email?: string;
  phone?: string;
  active?: boolean;
}

export const updatePerson = (id: Id, version: number, body: PersonUpdate) =>
  api.patch<Person>(`/people/${id}`, body, { headers: ifMatch(version) });
