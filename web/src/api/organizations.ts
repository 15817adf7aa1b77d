import { api, ifMatch } from './client';
import type { Id, ItemList, Organization, OrganizationCreate, OrganizationMerge, OrganizationUpdate } from './types';

export const listOrganizations = (includeExpired = false) =>
  api.get<ItemList<Organization>>('/organizations', { query: { include_expired: includeExpired ? 'true' : undefined } });

export const getOrganization = (id: Id) => api.get<Organization>(`/organizations/${id}`);

export const createOrganization = (body: OrganizationCreate) => api.post<Organization>('/organizations', body);

export const updateOrganization = (id: Id, version: number, body: OrganizationUpdate) =>
  api.patch<Organization>(`/organizations/${id}`, body, { headers: ifMatch(version) });

export const mergeOrganization = (id: Id, version: number, body: OrganizationMerge) =>
  api.post<Organization>(`/organizations/${id}/merge`, body, { headers: ifMatch(version) });
