import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { IssuedReport } from '../api/types';
import issued from '../test/fixtures/issued-reports.json';
import { ME_SPECIALIST, mockFetch, renderPage, type Call } from '../test/pagesHarness';
import IssuedReportPage from './IssuedReportPage';

// October 2026's first report once it was replaced, and its replacement.
const REPLACED = issued.issuedReplaced as IssuedReport;
const REPLACEMENT = issued.replacement as IssuedReport;

function open(url: string) {
  const calls = mockFetch((c: Call) => {
    if (c.path === '/me') return { body: ME_SPECIALIST };
    const report = [REPLACED, REPLACEMENT].find((r) => c.path === `/reports/issued/${r.id}`);
    if (report) return { body: report };
    if (c.path.startsWith('/reports/issued/')) return { status: 404, body: issued.notFound };
    return undefined;
  });
  renderPage(<IssuedReportPage />, { path: '/reports/issued/:id', url });
  return calls;
}

const facts = () => screen.getByText('Người ký').closest('dl') as HTMLElement;
const figure = (name: string) => screen.getByRole('region', { name: 'Kết quả thực hiện nhiệm vụ' }).querySelector(`dd[data-figure="${name}"]`);

describe('IssuedReportPage', () => {
  it('states the number, date, signer and who issued it, says it is frozen, and offers the stored files', async () => {
    open('/reports/issued/5');
    expect(await screen.findByRole('heading', { level: 2, name: 'Báo cáo số 05/BC-SGTVT' })).toBeInTheDocument();
    expect(screen.getByText('Báo cáo tổng hợp · Tháng 10/2026 · Số liệu tính từ ngày 15/9/2026 đến ngày 14/10/2026')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Đã ban hành — số liệu cố định, không thay đổi');
    const dl = facts();
    expect([...dl.querySelectorAll('div')].map((d) => d.textContent)).toEqual([
      'Số05/BC-SGTVT',
      'Ngày ban hành24/11/2026',
      'Người kýGIÁM ĐỐC — Trần Quốc Bảo',
      'Người ban hànhNguyễn Thị Hồng Nhung',
      'Thay thế báo cáoSố 04/BC-SGTVT ngày 24/11/2026',
    ]);
    expect(within(dl).getByRole('link', { name: 'Số 04/BC-SGTVT ngày 24/11/2026' })).toHaveAttribute('href', '/reports/issued/4');
    expect(screen.getByRole('link', { name: /Tải PDF$/ })).toHaveAttribute('href', '/api/v1/reports/issued/5/pdf');
    expect(screen.getByRole('link', { name: /Tải Word$/ })).toHaveAttribute('href', '/api/v1/reports/issued/5/docx');
    expect(screen.getByRole('link', { name: /Tải Excel$/ })).toHaveAttribute('href', '/api/v1/reports/issued/5/xlsx');
    expect(screen.getByRole('link', { name: 'Thay đổi so với báo cáo trước' })).toHaveAttribute('href', '/reports/issued/5/changes');
    expect(screen.getByRole('link', { name: 'Xem báo cáo kỳ này theo số liệu hiện tại' })).toHaveAttribute('href', '/reports?period=2026-10');
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('renders the frozen report as the preview does: figures, lists and its text, to read only', async () => {
    open('/reports/issued/5');
    await screen.findByRole('heading', { level: 2, name: 'Báo cáo số 05/BC-SGTVT' });
    const report = REPLACEMENT.report;
    expect(figure('due_completed_ratio')).toHaveTextContent(report.totals.due_completed_ratio);
    expect(figure('overdue')).toHaveTextContent(String(report.totals.overdue));
    expect(screen.getByText(`Hoàn thành ${report.totals.due_completed_ratio} nhiệm vụ đến hạn, ${report.totals.overdue} nhiệm vụ quá hạn.`)).toBeInTheDocument();
    const overdue = screen.getByRole('table', { name: 'Nhiệm vụ quá hạn và lý do' });
    expect(within(overdue).getAllByRole('row')).toHaveLength(1 + report.overdue.length);
    const text = screen.getByRole('region', { name: 'Nội dung báo cáo' });
    expect(within(text).queryByRole('textbox')).toBeNull();
    expect(within(text).getByText('Các nhiệm vụ trọng tâm của UBND tỉnh giao đều hoàn thành đúng hạn.')).toBeInTheDocument();
    expect(within(text).getByText('Đề nghị UBND tỉnh bổ sung kinh phí sửa chữa cầu Trà Khúc.')).toBeInTheDocument();
    expect(within(text).queryByText(/^Chưa lưu lần nào/)).toBeNull();
    expect(screen.getByRole('region', { name: 'Nội dung báo cáo của các đơn vị' })).toBeInTheDocument();
  });

  it('offers only the files the report was stored in', async () => {
    mockFetch((c: Call) => {
      if (c.path === '/me') return { body: ME_SPECIALIST };
      if (c.path === `/reports/issued/${REPLACEMENT.id}`) return { body: { ...REPLACEMENT, formats: ['pdf', 'docx'] } };
      return undefined;
    });
    renderPage(<IssuedReportPage />, { path: '/reports/issued/:id', url: `/reports/issued/${REPLACEMENT.id}` });
    expect(await screen.findByRole('link', { name: /Tải PDF$/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Tải Word$/ })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Tải Excel$/ })).toBeNull();
  });

  it('says that a replaced report was replaced, and by which', async () => {
    open('/reports/issued/4');
    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent('Báo cáo này đã được thay thế bởi báo cáo số 05/BC-SGTVT ngày 24/11/2026.');
    expect(within(note).getByRole('link', { name: 'Xem báo cáo thay thế' })).toHaveAttribute('href', '/reports/issued/5');
    const dl = facts();
    expect(dl).toHaveTextContent('Người kýKT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC — Nguyễn Đức Hùng');
    expect(within(dl).getByRole('link', { name: 'Số 05/BC-SGTVT ngày 24/11/2026' })).toHaveAttribute('href', '/reports/issued/5');
    expect(dl).not.toHaveTextContent('Thay thế báo cáo');
  });

  it('says in the past that a report issued before its period ended counted to the day it was made', async () => {
    mockFetch((c: Call) => {
      if (c.path === '/me') return { body: ME_SPECIALIST };
      if (c.path === `/reports/issued/${REPLACEMENT.id}`)
        return { body: { ...REPLACEMENT, report: { ...REPLACEMENT.report, as_of: '2026-10-10', period_running: true } } };
      return undefined;
    });
    renderPage(<IssuedReportPage />, { path: '/reports/issued/:id', url: `/reports/issued/${REPLACEMENT.id}` });
    expect(await screen.findByText('Báo cáo lập khi kỳ báo cáo (đến ngày 14/10/2026) chưa kết thúc: số liệu tính đến hết ngày 10/10/2026.')).toBeInTheDocument();
    expect(screen.queryByText(/^Kỳ báo cáo chưa kết thúc/)).toBeNull();
  });

  it('says so of a report that is none, with the way back to the list', async () => {
    open('/reports/issued/9999');
    expect(await screen.findByText('Không tìm thấy báo cáo đã ban hành này.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Về danh sách báo cáo đã ban hành' })).toHaveAttribute('href', '/reports/issued');
  });
});
