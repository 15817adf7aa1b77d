import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me, UnitReport } from '../api/types';
import fx from '../test/apiFixtures.json';
import { ME_SPECIALIST, ME_UNIT_HEAD, mockFetch, renderPage, type Call } from '../test/pagesHarness';
import UnitReportPage from './UnitReportPage';

// The infrastructure division's report for October 2026, at each of its steps.
const DRAFT = fx.unitReportDraft as UnitReport;
const SAVED = fx.unitReportSaved as UnitReport;
const SUBMITTED = fx.unitReportSubmittedConsolidator as UnitReport;
const RETURNED = fx.unitReportReturned as UnitReport;
const RETURNED_HEAD = fx.unitReportReturnedHead as UnitReport;
const ACCEPTED = fx.unitReportAccepted as UnitReport;
const ME_CONSOLIDATOR: Me = { ...ME_SPECIALIST, role: 'consolidator', organization_id: 4, full_name: 'Nguyễn Thị Hồng Nhung' };

type Answer = { status?: number; body?: unknown };

interface Serve {
  stored: UnitReport;
  /** The answer to GET after the first (a reload). */
  reloaded?: UnitReport;
  put?: Answer;
  step?: Answer;
  opened?: UnitReport;
}

function open(me: Me, { stored, reloaded, put, step, opened }: Serve, url = `/unit-reports/${stored.id}`) {
  let reads = 0;
  const calls = mockFetch((c: Call) => {
    if (c.path === '/me') return { body: me };
    if (c.path === `/unit-reports/${stored.id}` && c.method === 'GET') return { body: reads++ > 0 && reloaded ? reloaded : stored };
    if (c.path === `/unit-reports/${stored.id}` && c.method === 'PUT') return put;
    if (c.path === '/unit-reports' && c.method === 'POST') return { body: opened };
    if (/^\/unit-reports\/\d+\/(submit|return|accept)$/.test(c.path)) return step;
    return undefined;
  });
  renderPage(<UnitReportPage />, { path: '/unit-reports/:id', url });
  return calls;
}

const reportCalls = (calls: Call[], method: string, path = `/unit-reports/${DRAFT.id}`) =>
  calls.filter((c) => c.method === method && c.path === path);
const section = (name: string) => screen.getByRole('region', { name });

describe('UnitReportPage', () => {
  it('shows the report’s period, due day, state, lateness and figures', async () => {
    open(ME_UNIT_HEAD, { stored: DRAFT });
    expect(await screen.findByRole('heading', { name: 'Báo cáo đơn vị tháng 10/2026' })).toBeInTheDocument();
    expect(screen.getByText('Phòng Quản lý kết cấu hạ tầng giao thông · Tháng 10/2026: 01/10/2026 – 31/10/2026')).toBeInTheDocument();
    expect(screen.getByText('Hạn nộp: 04/11/2026')).toBeInTheDocument();
    expect(screen.getByText('Đang soạn')).toBeInTheDocument();
    expect(screen.getByText(`Trễ ${DRAFT.working_days_late} ngày làm việc`)).toBeInTheDocument();
    const figures = section('Số liệu nhiệm vụ chủ trì');
    expect(within(figures).getByText('Đến hạn đã hoàn thành').nextSibling).toHaveTextContent(DRAFT.figures.due_completed_ratio);
    expect(within(figures).getByText('Đến hạn kỳ tới').nextSibling).toHaveTextContent(String(DRAFT.figures.due_next_period));
  });

  it('lists the tasks it leads and those it cooperates on, each as it stood at the period’s end', async () => {
    open(ME_UNIT_HEAD, { stored: DRAFT });
    const lead = await screen.findByRole('region', { name: 'Nhiệm vụ đơn vị chủ trì' });
    const cooperating = section('Nhiệm vụ đơn vị phối hợp');
    const [dueNext] = DRAFT.lead.due_next_period;
    const link = within(lead).getByRole('link', { name: dueNext.title });
    expect(link).toHaveAttribute('href', `/tasks/${dueNext.id}?as_of=2026-10-31`);
    const row = link.closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('30/11/2026');
    expect(row).toHaveTextContent('Đang thực hiện trong hạn');
    expect(row).toHaveTextContent(`${dueNext.progress}%`);
    expect(row).toHaveTextContent('Báo cáo tiến độ ngày 24/09/2026');
    expect(within(lead).getByRole('group', { name: /^Thường xuyên \(1\)/ })).toHaveTextContent('Thường xuyên');
    expect(within(lead).getByRole('group', { name: 'Hoàn thành trong kỳ (0)' })).toHaveTextContent('Không có nhiệm vụ.');
    const overdue = within(cooperating).getByRole('group', { name: 'Quá hạn từ các kỳ trước (1)' });
    expect(overdue).toHaveTextContent(DRAFT.cooperating.overdue[0].title);
    expect(overdue).toHaveTextContent('Quá hạn');
    expect(within(cooperating).getByRole('group', { name: 'Hủy trong kỳ (0)' })).toHaveTextContent('Không có nhiệm vụ.');
  });

  it('shows a preview of a report not started, with a restricted task counted but not named', async () => {
    const preview = fx.unitReportHiddenTask as UnitReport;
    open(ME_SPECIALIST, { stored: preview, opened: preview }, '/unit-reports/0?organization_id=8&period=2026-03');
    expect(await screen.findByText(/Đơn vị chưa lập báo cáo kỳ này/)).toBeInTheDocument();
    const completed = within(section('Nhiệm vụ đơn vị chủ trì')).getByRole('group', { name: 'Hoàn thành trong kỳ (1)' });
    expect(within(completed).getByText('Nhiệm vụ hạn chế quyền xem')).toBeInTheDocument();
    expect(within(completed).queryByRole('link')).toBeNull();
    expect(screen.getByText('Chưa lập')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /Gửi báo cáo|Trả lại|Tiếp nhận|Lưu nội dung/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Quá trình xử lý' })).toBeNull();
  });

  it('saves the text with the version read', async () => {
    const calls = open(ME_UNIT_HEAD, { stored: DRAFT, put: { body: SAVED } });
    const highlights = await screen.findByLabelText('1. Kết quả nổi bật');
    fireEvent.change(highlights, { target: { value: SAVED.prose.highlights } });
    fireEvent.change(screen.getByLabelText('4. Kiến nghị, đề xuất'), { target: { value: SAVED.prose.proposals } });
    fireEvent.click(screen.getByRole('button', { name: /Lưu nội dung/ }));
    expect(await screen.findByText('Đã lưu nội dung báo cáo.')).toBeInTheDocument();
    const [put] = reportCalls(calls, 'PUT');
    expect(put.headers['If-Match']).toBe(`"${DRAFT.version}"`);
    expect(put.body).toEqual({ ...DRAFT.prose, highlights: SAVED.prose.highlights, proposals: SAVED.prose.proposals });
  });

  it('reloads a report changed meanwhile and says so', async () => {
    const calls = open(ME_UNIT_HEAD, { stored: DRAFT, reloaded: SAVED, put: { status: 412, body: fx.unitReportStale } });
    fireEvent.change(await screen.findByLabelText('1. Kết quả nổi bật'), { target: { value: 'Bản của tôi' } });
    fireEvent.click(screen.getByRole('button', { name: /Lưu nội dung/ }));
    expect(await screen.findByText(/Báo cáo vừa được người khác thay đổi/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('1. Kết quả nổi bật')).toHaveValue(SAVED.prose.highlights));
    expect(reportCalls(calls, 'GET')).toHaveLength(2);
  });

  it('says so when the report was submitted meanwhile and can no longer be edited', async () => {
    open(ME_UNIT_HEAD, { stored: DRAFT, put: { status: 409, body: fx.unitReportLocked } });
    fireEvent.click(await screen.findByRole('button', { name: /Lưu nội dung/ }));
    expect(await screen.findByText('Báo cáo đã được gửi, không thể sửa nữa.')).toBeInTheDocument();
  });

  it('submits the report once confirmed', async () => {
    const calls = open(ME_UNIT_HEAD, { stored: SAVED, step: { body: fx.unitReportSubmitted } });
    expect(screen.queryByRole('button', { name: 'Trả lại' })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: /Gửi báo cáo/ }));
    fireEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: 'Gửi báo cáo' }));
    expect(await screen.findByText('Đã gửi báo cáo.')).toBeInTheDocument();
    const [submit] = reportCalls(calls, 'POST', `/unit-reports/${DRAFT.id}/submit`);
    expect(submit.headers['If-Match']).toBe(`"${SAVED.version}"`);
    expect(await screen.findByText('Đã gửi')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByText(SAVED.prose.highlights)).toBeInTheDocument();
  });

  it('saves text typed but not saved before submitting, and says so before', async () => {
    const typed = 'Hoàn thành kiểm tra 12 cầu yếu.';
    const written: UnitReport = { ...SAVED, version: SAVED.version + 1, prose: { ...SAVED.prose, highlights: typed } };
    const calls = open(ME_UNIT_HEAD, { stored: SAVED, put: { body: written }, step: { body: { ...fx.unitReportSubmitted, prose: written.prose } } });
    fireEvent.change(await screen.findByLabelText('1. Kết quả nổi bật'), { target: { value: typed } });
    fireEvent.click(screen.getByRole('button', { name: /Gửi báo cáo/ }));
    const confirm = await screen.findByRole('tooltip');
    expect(confirm).toHaveTextContent('Nội dung bạn vừa sửa chưa được lưu; nội dung này sẽ được lưu rồi gửi cùng báo cáo.');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Gửi báo cáo' }));
    expect(await screen.findByText('Đã gửi báo cáo.')).toBeInTheDocument();
    const sent = calls.filter((c) => c.method !== 'GET' && c.path.startsWith(`/unit-reports/${SAVED.id}`));
    expect(sent.map((c) => `${c.method} ${c.path} ${c.headers['If-Match']}`)).toEqual([
      `PUT /unit-reports/${SAVED.id} "${SAVED.version}"`,
      `POST /unit-reports/${SAVED.id}/submit "${written.version}"`,
    ]);
    expect(sent[0].body).toEqual({ ...SAVED.prose, highlights: typed });
  });

  it('submits nothing when the text typed cannot be saved', async () => {
    const calls = open(ME_UNIT_HEAD, { stored: SAVED, reloaded: SAVED, put: { status: 412, body: fx.unitReportStale }, step: { body: fx.unitReportSubmitted } });
    fireEvent.change(await screen.findByLabelText('1. Kết quả nổi bật'), { target: { value: 'Bản của tôi' } });
    fireEvent.click(screen.getByRole('button', { name: /Gửi báo cáo/ }));
    fireEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: 'Gửi báo cáo' }));
    expect(await screen.findByText(/Báo cáo vừa được người khác thay đổi/)).toBeInTheDocument();
    expect(reportCalls(calls, 'PUT', `/unit-reports/${SAVED.id}`)).toHaveLength(1);
    expect(reportCalls(calls, 'POST', `/unit-reports/${SAVED.id}/submit`)).toHaveLength(0);
    expect(screen.queryByText('Đã gửi báo cáo.')).toBeNull();
  });

  it('asks before the page is left while the text has edits not saved', async () => {
    open(ME_UNIT_HEAD, { stored: DRAFT, put: { body: SAVED } });
    const highlights = await screen.findByLabelText('1. Kết quả nổi bật');
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    fireEvent.change(highlights, { target: { value: SAVED.prose.highlights } });
    await waitFor(() => expect(leave()).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: /Lưu nội dung/ }));
    expect(await screen.findByText('Đã lưu nội dung báo cáo.')).toBeInTheDocument();
    await waitFor(() => expect(leave()).toBe(false));
  });

  it('offers the consolidating division to return or accept a submitted report, and nothing to edit', async () => {
    open(ME_CONSOLIDATOR, { stored: SUBMITTED });
    expect(await screen.findByRole('button', { name: /Trả lại/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Tiếp nhận/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Gửi báo cáo|Lưu nội dung/ })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByText(/^Gửi ngày 24\/11\/2026, người gửi: Trần Văn Lực/)).toBeInTheDocument();
  });

  it('returns a report only with a comment', async () => {
    const calls = open(ME_CONSOLIDATOR, { stored: SUBMITTED, step: { body: RETURNED } });
    fireEvent.click(await screen.findByRole('button', { name: /Trả lại/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Trả lại báo cáo' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    expect(await within(dialog).findByText('Vui lòng nhập ý kiến khi trả lại báo cáo')).toBeInTheDocument();
    expect(reportCalls(calls, 'POST', `/unit-reports/${DRAFT.id}/return`)).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText(/Ý kiến/), { target: { value: RETURNED.return_comment } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    expect(await screen.findByText('Đã trả lại báo cáo.')).toBeInTheDocument();
    const [step] = reportCalls(calls, 'POST', `/unit-reports/${DRAFT.id}/return`);
    expect(step.body).toEqual({ comment: RETURNED.return_comment });
    expect(step.headers['If-Match']).toBe(`"${SUBMITTED.version}"`);
  });

  it('accepts a report once confirmed', async () => {
    const calls = open(ME_CONSOLIDATOR, { stored: SUBMITTED, step: { body: ACCEPTED } });
    fireEvent.click(await screen.findByRole('button', { name: /Tiếp nhận/ }));
    fireEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: 'Tiếp nhận' }));
    expect(await screen.findByText('Đã tiếp nhận báo cáo.')).toBeInTheDocument();
    expect(reportCalls(calls, 'POST', `/unit-reports/${DRAFT.id}/accept`)[0].headers['If-Match']).toBe(`"${SUBMITTED.version}"`);
    expect(screen.getByText('Tiếp nhận ngày 24/11/2026, người tiếp nhận: Nguyễn Thị Hồng Nhung')).toBeInTheDocument();
  });

  it('shows the unit the comment its report was returned with, and lets it edit again', async () => {
    open(ME_UNIT_HEAD, { stored: RETURNED_HEAD });
    const warning = await screen.findByRole('alert');
    expect(warning).toHaveTextContent('Báo cáo bị trả lại, ý kiến:');
    expect(warning).toHaveTextContent(RETURNED_HEAD.return_comment);
    expect(screen.getByLabelText('1. Kết quả nổi bật')).toHaveValue(RETURNED_HEAD.prose.highlights);
    expect(screen.getByRole('button', { name: /Gửi báo cáo/ })).toBeInTheDocument();
  });

  it('tells who took each step, with the comment of a return', async () => {
    open(ME_CONSOLIDATOR, { stored: ACCEPTED });
    const history = await screen.findByRole('region', { name: 'Quá trình xử lý' });
    const steps = within(history).getAllByRole('listitem').map((li) => li.textContent);
    expect(steps[0]).toMatch(/^Lập báo cáoTrần Văn Lực/);
    expect(steps).toContainEqual(expect.stringMatching(`^Trả lại, ý kiến: “${RETURNED.return_comment}”Nguyễn Thị Hồng Nhung`));
    expect(steps.at(-1)).toMatch(/^Tiếp nhận báo cáoNguyễn Thị Hồng Nhung/);
    expect(screen.queryByRole('button', { name: /Trả lại|Tiếp nhận|Gửi báo cáo/ })).toBeNull();
  });

  it('says that a report it cannot find is not there', async () => {
    mockFetch((c) => (c.path === '/me' ? { body: ME_UNIT_HEAD } : undefined));
    renderPage(<UnitReportPage />, { path: '/unit-reports/:id', url: '/unit-reports/999' });
    expect(await screen.findByText('Không tìm thấy báo cáo này.')).toBeInTheDocument();
  });
});
