import type { AttachmentType, AttachmentUpload } from '../api/types';

export const MAX_ATTACHMENTS = 10;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const BY_EXTENSION: Record<string, AttachmentType> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  zip: 'application/zip',
};

const ALLOWED = new Set<string>(Object.values(BY_EXTENSION));

export const ACCEPT = Object.keys(BY_EXTENSION)
  .map((e) => `.${e}`)
  .join(',');

/** The API's content type for a file, from its extension (browsers disagree on MIME types), or null. */
export function attachmentType(file: { name: string; type: string }): AttachmentType | null {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  if (BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  if (ALLOWED.has(file.type)) return file.type as AttachmentType;
  return null;
}

export function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function readAsArrayBuffer(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}

/** Reads a file into the JSON upload the API expects (base64 inside the body). */
export async function toUpload(file: File): Promise<AttachmentUpload> {
  const type = attachmentType(file);
  if (!type) throw new Error(`unsupported type: ${file.name}`);
  const buffer = typeof file.arrayBuffer === 'function' ? await file.arrayBuffer() : await readAsArrayBuffer(file);
  return { file_name: file.name, content_type: type, content_base64: toBase64(buffer) };
}
