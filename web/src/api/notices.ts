import { api } from './client';
import type { Id, Notice, NoticeList } from './types';

export const getNotices = (signal?: AbortSignal) => api.get<NoticeList>('/notices', { signal });

export const markNoticeRead = (id: Id) => api.post<Notice>(`/notices/${id}/read`, {});
