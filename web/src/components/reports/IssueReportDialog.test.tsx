import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IssuedReport, IssuedReportSummary, ReportSettings } from '../../api/types';
import fx from '../../test/apiFixtures.json';
import issued from '../../test/fixtures/issued-reports.json';
import { mockFetch, type Call } from '../../test/pagesHarness';
import { renderWithProviders } from '../../test/render';
import { IssueReportDialog } from './IssueReportDialog';

// The demo agency's settings with its two signers (the director; a deputy signing for him), and an
// agency's that named none (the defaults, as the province has them); the report of October 2026 as
// issued, and its replacement.
const WITH_SIGNERS = fx.reportSettingsSaved as ReportSettings;
const NO_SIGNERS = fx.reportSettingsDefaults as ReportSettings;
const ISSUED = issued.issued as IssuedReport;
const REPLACEMENT = issued.replacement as IssuedReport;

interface Answers {
  settings?: ReportSettings;
  next?: unknown;
  issue?: { status: number; body: unknown };
}

function open({ settings = WITH_SIGNERS, next = issued.nextNumber, issue = { status: 201, body: ISSUED } }: Answers = {}, props: { replaces?: IssuedReportSummary; unsaved?: boolean } = {}) {
  const calls = mockFetch((c: Call) => {
    if (c.path === '/report-settings') return { body: settings };
    if (c.path === '/reports/issued/next-number') return { body: next };
    if (c.method === 'POST' && c.path === '/reports/issued') return issue;
    return undefined;
  });
  const onIssued = vi.fn<(r: IssuedReport) => void>();
  const onConflict = vi.fn();
  const onClose = vi.fn();
  renderWithProviders(<IssueReportDialog period="2026-10" onClose={onClose} onIssued={onIssued} onConflict={onConflict} {...props} />);
  return { calls, onIssued, onConflict, onClose };
}

const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-24T10:00:00+07:00'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('IssueReportDialog', () => {
  it('shows the number the report will take and today’s date, offers the settings’ signers, and says it can never be edited', async () => {
    const { calls, onIssued } = open();
    const dialog = await screen.findByRole('dialog', { name: 'Ban hành báo cáo tổng hợp' });
    await waitFor(() => expect(within(dialog).getByTestId('issue-number')).toHaveTextContent('04/BC-SGTVT'));
    expect(dialog).toHaveTextContent('Kỳ báo cáoTháng 10/2026');
    expect(dialog).toHaveTextContent('Ngày ban hành24/11/2026');
    expect(within(dialog).getByText('Báo cáo đã ban hành không bao giờ sửa được.')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('Nếu có sai sót, chỉ có thể ban hành báo cáo thay thế, với số mới.');
    expect(within(dialog).queryByTestId('issue-replaces')).toBeNull();

    // The settings' signers, the first (as on the draft) until another is chosen.
    const signers = within(dialog).getByRole('radiogroup', { name: 'Người ký' });
    await waitFor(() => expect(within(signers).getByRole('radio', { name: 'GIÁM ĐỐC — Trần Quốc Bảo' })).toBeChecked());
    expect(within(signers).getAllByRole('radio')).toHaveLength(2);
    fireEvent.click(within(signers).getByRole('radio', { name: 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC — Nguyễn Đức Hùng' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ban hành' }));

    await waitFor(() => expect(onIssued).toHaveBeenCalledWith(ISSUED));
    expect(posts(calls)).toHaveLength(1);
    expect(posts(calls)[0].body).toEqual({ period: '2026-10', signer_person_id: 2 });
  });

  it('without signers, says so, points to the report settings and issues nothing', async () => {
    const { calls } = open({ settings: NO_SIGNERS });
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('Cơ quan chưa có người ký báo cáo.')).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'Mở Thiết lập báo cáo' })).toHaveAttribute('href', '/report-settings');
    expect(within(dialog).queryByRole('radio')).toBeNull();
    const ok = within(dialog).getByRole('button', { name: 'Ban hành' });
    expect(ok).toBeDisabled();
    fireEvent.click(ok);
    expect(posts(calls)).toHaveLength(0);
  });

  it('issues a replacement naming the report in force, and says which one it replaces', async () => {
    const inForce = issued.list.items.find((r) => r.id === ISSUED.id) as IssuedReportSummary;
    const { calls, onIssued } = open(
      { next: issued.nextNumberAfter, issue: { status: 201, body: REPLACEMENT } },
      { replaces: { ...inForce, replaced_by: null } },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Ban hành báo cáo thay thế' });
    await waitFor(() => expect(within(dialog).getByTestId('issue-number')).toHaveTextContent('05/BC-SGTVT'));
    expect(within(dialog).getByTestId('issue-replaces')).toHaveTextContent('Số 04/BC-SGTVT ngày 24/11/2026');
    await waitFor(() => expect(within(dialog).getByRole('radio', { name: 'GIÁM ĐỐC — Trần Quốc Bảo' })).toBeChecked());
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ban hành báo cáo thay thế' }));
    await waitFor(() => expect(onIssued).toHaveBeenCalledWith(REPLACEMENT));
    expect(posts(calls)[0].body).toEqual({ period: '2026-10', signer_person_id: 1, replaces_id: ISSUED.id });
  });

  it('hands a period issued meanwhile back to the page', async () => {
    const { onConflict, onIssued } = open({ issue: { status: 409, body: issued.alreadyIssued } });
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getByRole('radio', { name: 'GIÁM ĐỐC — Trần Quốc Bảo' })).toBeChecked());
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ban hành' }));
    await waitFor(() => expect(onConflict).toHaveBeenCalledTimes(1));
    expect(onIssued).not.toHaveBeenCalled();
  });

  it('marks a signer the server no longer knows, and asks for the signers again', async () => {
    const { calls, onIssued } = open({ issue: { status: 422, body: issued.signerNotFound } });
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getByRole('radio', { name: 'GIÁM ĐỐC — Trần Quốc Bảo' })).toBeChecked());
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ban hành' }));
    expect(await within(dialog).findByText('Không tìm thấy mục đã chọn')).toBeInTheDocument();
    expect(within(dialog).getByText('Vui lòng kiểm tra các trường được đánh dấu.')).toBeInTheDocument();
    await waitFor(() => expect(calls.filter((c) => c.path === '/report-settings')).toHaveLength(2));
    expect(onIssued).not.toHaveBeenCalled();
  });

  it('warns that text not saved is not what is issued', async () => {
    open({}, { unsaved: true });
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Nội dung bạn vừa sửa chưa được lưu; báo cáo sẽ được ban hành với nội dung đã lưu.')).toBeInTheDocument();
  });
});
