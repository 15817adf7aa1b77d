// Lines of an official document as Nghị định 30/2020/NĐ-CP, Phụ lục I, writes them.

/** A day or a month as a document writes it: below 10 with a leading 0 ("05"). */
const twoDigits = (n: number) => String(n).padStart(2, '0');

/** "Số: 15/BC-SGTVT": the document's number, its type's code and the agency's code. */
export function documentNumberLine(serial: number, typeCode: string, agencyCode: string): string {
  return `Số: ${twoDigits(serial)}/${typeCode}-${agencyCode}`;
}

/**
 * "Quảng Ngãi, ngày 05 tháng 01 năm 2024" of a "YYYY-MM-DD" date: a day below 10 gets a leading
 * 0, and so do January and February only, so that "tháng 1" cannot be altered into "tháng 11"
 * nor "tháng 2" into "tháng 12".
 */
export function placeDateLine(place: string, isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const monthText = month <= 2 ? twoDigits(month) : String(month);
  return `${place}, ngày ${twoDigits(day)} tháng ${monthText} năm ${year}`;
}
