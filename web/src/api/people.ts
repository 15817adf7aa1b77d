import { api } from './client';
import type { Id, ItemList, Person, PersonCreate, User, UserCreate } from './types';

export const listPeople = (organizationId?: Id) =>
  api.get<ItemList<Person>>('/people', { query: { organization_id: organizationId } });

export const createPerson = (body: PersonCreate) => api.post<Person>('/people', body);

export const listUsers = () => api.get<ItemList<User>>('/users');

export const createUser = (body: UserCreate) => api.post<User>('/users', body);
