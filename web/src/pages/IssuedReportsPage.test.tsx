import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IssuedReportSummary } from '../api/types';
import issued from '../test/fixtures/issued-reports.json';
import { ME_SPECIALIST, mockFetch, renderPage, type Call } from '../test/pagesHarness';
import IssuedReportsPage from './IssuedReportsPage';

// The year's register as the server lists it, newest first: October's replacement (in force) above
// the report it replaced, then the demo's September, and August's replacement above its first.
const LIST = issued.list.items as IssuedReportSummary[];

function open(url: string, items: (year: string | null) => IssuedReportSummary[]) {
  const calls = mockFetch((c: Call) => {
    if (c.path === '/me') return { body: ME_SPECIALIST };
    if (c.path === '/reports/issued') return { body: { items: items(c.query.get('year')) } };
    return undefined;
  });
  renderPage(<IssuedReportsPage />, { path: '/reports/issued', url });
  return calls;
}

const years = (calls: Call[]) => calls.filter((c) => c.path === '/reports/issued').map((c) => c.query.get('year'));
/** The rows of a table as the text of each cell. */
const cells = (table: HTMLElement) => within(table).getAllByRole('row').map((row) => [...row.children].map((c) => c.textContent));

afterEach(() => {
  vi.useRealTimers();
});

describe('IssuedReportsPage', () => {
  it('lists the year’s issued reports, newest first: number, period, date, signer, who issued, what replaced what, and the files', async () => {
    const calls = open('/reports/issued?year=2026', () => LIST);
    const table = await screen.findByRole('table', { name: 'Các báo cáo đã ban hành' });
    expect(years(calls)).toEqual(['2026']);
    expect(screen.getByText('Năm 2026: 5 báo cáo')).toBeInTheDocument();
    const deputy = 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC — Nguyễn Đức Hùng';
    const director = 'GIÁM ĐỐC — Trần Quốc Bảo';
    const consolidator = 'Nguyễn Thị Hồng Nhung';
    expect(cells(table)).toEqual([
      ['Số', 'Kỳ báo cáo', 'Ngày ban hành', 'Người ký', 'Người ban hành', 'Thay thế / bị thay thế bởi', 'So với báo cáo trước', 'Tải về'],
      ['05/BC-SGTVT', 'Tháng 10/2026', '24/11/2026', director, consolidator, 'Thay thế số 04/BC-SGTVT', 'Thay đổi', 'PDFWordExcel'],
      ['04/BC-SGTVT', 'Tháng 10/2026', '24/11/2026', deputy, consolidator, 'Bị thay thế bởi số 05/BC-SGTVT', 'Thay đổi', 'PDFWordExcel'],
      ['03/BC-SGTVT', 'Tháng 9/2026', '08/10/2026', deputy, consolidator, '', 'Thay đổi', 'PDFWordExcel'],
      ['02/BC-SGTVT', 'Tháng 8/2026', '11/09/2026', deputy, consolidator, 'Thay thế số 01/BC-SGTVT', 'Thay đổi', 'PDFWordExcel'],
      ['01/BC-SGTVT', 'Tháng 8/2026', '10/09/2026', director, consolidator, 'Bị thay thế bởi số 02/BC-SGTVT', 'Thay đổi', 'PDFWordExcel'],
    ]);
    const first = within(table).getByTestId('issued-4');
    expect(within(first).getByRole('link', { name: '04/BC-SGTVT' })).toHaveAttribute('href', '/reports/issued/4');
    expect(within(first).getByRole('link', { name: '05/BC-SGTVT' })).toHaveAttribute('href', '/reports/issued/5');
    expect(within(first).getByRole('link', { name: /Tải PDF báo cáo số 04\/BC-SGTVT$/ })).toHaveAttribute('href', '/api/v1/reports/issued/4/pdf');
    expect(within(first).getByRole('link', { name: /Tải Word báo cáo số 04\/BC-SGTVT$/ })).toHaveAttribute('href', '/api/v1/reports/issued/4/docx');
    expect(within(first).getByRole('link', { name: /Tải Excel báo cáo số 04\/BC-SGTVT$/ })).toHaveAttribute('href', '/api/v1/reports/issued/4/xlsx');
    expect(within(first).getByRole('link', { name: 'Thay đổi của báo cáo số 04/BC-SGTVT so với báo cáo trước' })).toHaveAttribute('href', '/reports/issued/4/changes');
  });

  it('opens on this year, then the year picked, each asked of the server', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-24T10:00:00+07:00'));
    const calls = open('/reports/issued', (year) => (year === '2026' ? LIST : []));
    await screen.findByRole('table', { name: 'Các báo cáo đã ban hành' });
    const picker = screen.getByLabelText('Năm ban hành');
    fireEvent.mouseDown(picker);
    fireEvent.click(picker);
    fireEvent.click(await screen.findByTitle('2025'));
    expect(await screen.findByText('Chưa có báo cáo nào được ban hành trong năm 2025.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Mở báo cáo tổng hợp' })).toHaveAttribute('href', '/reports');
    expect(years(calls)).toEqual(['2026', '2025']);
    await waitFor(() => expect(screen.queryByRole('table', { name: 'Các báo cáo đã ban hành' })).toBeNull());
  });
});
