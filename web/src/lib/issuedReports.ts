// Issued consolidated reports (docs/domain.md#issuing-and-freezing): how their signers read, where
// each one's page and its changes are, and which of a period's is in force.
import type { Id, IssuedReportSummary, ReportSigner } from '../api/types';

/** "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC — Nguyễn Văn A"; "GIÁM ĐỐC — Trần Quốc Bảo" when the head signs. */
export function signerLabel(signer: Pick<ReportSigner, 'authority' | 'title' | 'full_name'>): string {
  const lines = [signer.authority, signer.title].filter((line) => line.trim() !== '').join(' / ');
  return `${lines} — ${signer.full_name}`;
}

export const issuedReportPath = (id: Id) => `/reports/issued/${id}`;

/** Where what changed since the report before is shown. */
export const reportChangesPath = (id: Id) => `/reports/issued/${id}/changes`;

/** The period's issued reports, newest first, and the one in force (none replaced it). */
export function issuedForPeriod(items: readonly IssuedReportSummary[], period: string) {
  const ofPeriod = items.filter((r) => r.period === period);
  return { items: ofPeriod, inForce: ofPeriod.find((r) => r.replaced_by === null) };
}
