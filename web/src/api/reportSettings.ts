import { api, API_BASE, ifMatch } from './client';
import type { Id, ReportImage, ReportSettings, ReportSettingsUpdate } from './types';

export const getReportSettings = (signal?: AbortSignal) => api.get<ReportSettings>('/report-settings', { signal });

/** Replaces the agency's settings whole; `version` is the one read ("0" while the defaults are in use). */
export const setReportSettings = (version: number, body: ReportSettingsUpdate) =>
  api.put<ReportSettings>('/report-settings', body, { headers: ifMatch(version) });

/** Where one of the images the agency's electronic documents carry is kept: its seal, or a signer's signature. */
export type ImageSlot = { kind: 'seal' } | { kind: 'signature'; personId: Id };

export function imagePath(slot: ImageSlot): string {
  return slot.kind === 'seal' ? '/report-settings/seal' : `/report-settings/signers/${slot.personId}/signature`;
}

/**
 * The image's address for an <img>: its digest after '#' makes another image another address, so
 * the browser asks again (the server answers 304 while it is the same file).
 */
export function imageUrl(slot: ImageSlot, image: ReportImage): string {
  return `${API_BASE}${imagePath(slot)}#${image.sha256}`;
}

/** Sets the image to a PNG file, checked by the server; answers its digest and size. */
export const setReportImage = (slot: ImageSlot, file: Blob) => api.putFile<ReportImage>(imagePath(slot), file, 'image/png');

export const removeReportImage = (slot: ImageSlot) => api.del<void>(imagePath(slot));
