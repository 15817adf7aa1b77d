import { api, ifMatch } from './client';
import type { Id, ItemList, Person, PersonCreate, PersonUpdate, User, UserCreate } from './types';

export type { PersonUpdate };

export const listPeople = (organizationId?: Id) =>
  api.get<ItemList<Person>>('/people', { query: { organization_id: organizationId } });

export const createPerson = (body: PersonCreate) => api.post<Person>('/people', body);

export const listUsers = () => api.get<ItemList<User>>('/users');

export const createUser = (body: UserCreate) => api.post<User>('/users', body);

export const updatePerson = (id: Id, version: number, body: PersonUpdate) =>
  api.patch<Person>(`/people/${id}`, body, { headers: ifMatch(version) });
