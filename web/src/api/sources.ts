import { api, ifMatch } from './client';
import type { Id, ItemList, Source, SourceCreate, SourceKind, SourceUpdate } from './types';

export const listSources = (params: { kind?: SourceKind; q?: string } = {}) =>
  api.get<ItemList<Source>>('/sources', { query: params });

export const getSource = (id: Id) => api.get<Source>(`/sources/${id}`);

export const createSource = (body: SourceCreate) => api.post<Source>('/sources', body);

export const updateSource = (id: Id, version: number, body: SourceUpdate) =>
  api.patch<Source>(`/sources/${id}`, body, { headers: ifMatch(version) });
