// Work programs imported from a spreadsheet: the file is uploaded as it is, the server answers
// what each row would become; the user's choices (sheet, columns, units, headings) are sent until
// nothing is in error, then the import is confirmed, all tasks at once.
import { api, API_BASE, ifMatch } from './client';
import type { Id, ImportChoicesUpdate, ImportList, ImportPreview, ImportResult, ImportSummary } from './types';

/** The largest file the server reads (20 MiB). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** The rows of a page the server answers when it is not told (a new upload, a choice). */
export const IMPORT_PAGE_SIZE = 100;

// The media types the upload is accepted under; the server tells the kind of file from its content.
const MEDIA_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/vnd.ms-excel',
]);

/**
 * The type the file is sent under: the browser's when the server accepts it (a CSV file is
 * "application/vnd.ms-excel" on a computer with Excel), otherwise bytes of no stated kind.
 */
export function uploadMediaType(file: Blob): string {
  return MEDIA_TYPES.has(file.type) ? file.type : 'application/octet-stream';
}

/** Uploads `file` for `sourceId`; nothing is written yet: the answer is the preview, first page. */
export const startImport = (sourceId: Id, file: File) =>
  api.postFile<ImportPreview>(`/sources/${sourceId}/imports`, file, uploadMediaType(file), {
    query: { file_name: file.name || 'chuong-trinh', page_size: IMPORT_PAGE_SIZE },
  });

/** The source's imports, newest first (leaders and consolidators). */
export const listImports = (sourceId: Id, signal?: AbortSignal) =>
  api.get<ImportList>(`/sources/${sourceId}/imports`, { signal });

/** Which rows of the preview to show. */
export interface ImportRowsView {
  page: number;
  pageSize: number;
  /** Only rows with errors or warnings. */
  problemsOnly: boolean;
}

export const getImport = (id: Id, view: ImportRowsView, signal?: AbortSignal) =>
  api.get<ImportPreview>(`/imports/${id}`, {
    query: { page: view.page, page_size: view.pageSize, problems_only: view.problemsOnly ? 'true' : undefined },
    signal,
  });

/** Sends the user's choices, made on `summary` as read; the answer is the new preview, first page. */
export const chooseImport = (summary: ImportSummary, choices: ImportChoicesUpdate) =>
  api.patch<ImportPreview>(`/imports/${summary.id}`, choices, { headers: ifMatch(summary.version) });

/** Writes every task of the import as read, in one go. */
export const confirmImport = (summary: ImportSummary) =>
  api.post<ImportResult>(`/imports/${summary.id}/confirm`, undefined, { headers: ifMatch(summary.version) });

/** Discards a draft import as read. */
export const discardImport = (summary: ImportSummary) =>
  api.del<void>(`/imports/${summary.id}`, { headers: ifMatch(summary.version) });

/** The file as it was uploaded. */
export const importFileUrl = (id: Id) => `${API_BASE}/imports/${id}/file`;

// The source's tasks as the program workbook imports read: edit it in Excel, import it again.
export const sourceProgramUrl = (sourceId: Id) => `${API_BASE}/sources/${sourceId}/program.xlsx`;
