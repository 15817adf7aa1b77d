import { api, API_BASE, buildQuery, ifMatch } from './client';
import type {
  CancelRequest,
  CompletionRequest,
  ExplanationAnswer,
  ExplanationRequest,
  ExtensionDecision,
  ExtensionRequest,
  HistoryList,
  Id,
  ItemList,
  ProgressCreate,
  ProgressUpdate,
  Statistics,
  Task,
  TaskCreate,
  TaskPage,
  TaskUpdate,
} from './types';

/** `params` are the filter's query parameters, exactly as in the page URL. */
export const listTasks = (params: URLSearchParams, signal?: AbortSignal) =>
  api.get<TaskPage>('/tasks', { query: params, signal });

export const getStats = (params: URLSearchParams, signal?: AbortSignal) =>
  api.get<Statistics>('/stats', { query: params, signal });

export const exportUrl = (params: URLSearchParams) => {
  const p = new URLSearchParams(params);
  p.delete('page');
  p.delete('page_size');
  return `${API_BASE}/tasks/export.xlsx${buildQuery(p)}`;
};

export const getTask = (id: Id, asOf?: string, signal?: AbortSignal) =>
  api.get<Task>(`/tasks/${id}`, { query: { as_of: asOf }, signal });

export const createTask = (body: TaskCreate) => api.post<Task>('/tasks', body);

export const updateTask = (id: Id, version: number, body: TaskUpdate) =>
  api.patch<Task>(`/tasks/${id}`, body, { headers: ifMatch(version) });

export const getHistory = (id: Id, asOf?: string, signal?: AbortSignal) =>
  api.get<HistoryList>(`/tasks/${id}/history`, { query: { as_of: asOf }, signal });

export const getUpdates = (id: Id) => api.get<ItemList<ProgressUpdate>>(`/tasks/${id}/updates`);

export const reportProgress = (id: Id, body: ProgressCreate) => api.post<Task>(`/tasks/${id}/updates`, body);

export const attachmentUrl = (taskId: Id, attachmentId: Id) => `${API_BASE}/tasks/${taskId}/attachments/${attachmentId}`;

export const completeTask = (id: Id, body: CompletionRequest) => api.post<Task>(`/tasks/${id}/complete`, body);

export const requestExtension = (id: Id, body: ExtensionRequest) => api.post<Task>(`/tasks/${id}/extensions`, body);

export const decideExtension = (id: Id, extensionId: Id, body: ExtensionDecision) =>
  api.post<Task>(`/tasks/${id}/extensions/${extensionId}/decision`, body);

export const cancelTask = (id: Id, body: CancelRequest) => api.post<Task>(`/tasks/${id}/cancel`, body);

export const requestExplanation = (id: Id, body: ExplanationRequest) =>
  api.post<Task>(`/tasks/${id}/explanations`, body);

export const answerExplanation = (id: Id, explanationId: Id, body: ExplanationAnswer) =>
  api.post<Task>(`/tasks/${id}/explanations/${explanationId}/answer`, body);
