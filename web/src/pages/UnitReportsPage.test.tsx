import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me, UnitReportBoard } from '../api/types';
import fx from '../test/apiFixtures.json';
import { ME_SPECIALIST, ME_UNIT_HEAD, mockFetch, renderPage, type Call } from '../test/pagesHarness';
import UnitReportsPage from './UnitReportsPage';

// The consolidator's board of October 2026 after the infrastructure division's report was
// accepted, the demo's other units at every stage: accepted, submitted (one of them late), returned,
// a draft and not started.
const BOARD = fx.unitReportBoardAfter as UnitReportBoard;
const ME_CONSOLIDATOR: Me = { ...ME_SPECIALIST, role: 'consolidator', organization_id: 4, full_name: 'Nguyễn Thị Hồng Nhung' };
const TRANSPORT = 'Phòng Quản lý vận tải, phương tiện và người lái';
const INFRASTRUCTURE = 'Phòng Quản lý kết cấu hạ tầng giao thông';

function open(me: Me, board: UnitReportBoard = BOARD, opened: unknown = fx.unitReportPreview) {
  const calls = mockFetch((c: Call) => {
    if (c.path === '/me') return { body: me };
    if (c.path === '/unit-reports' && c.method === 'GET') return { body: board };
    if (c.path === '/unit-reports' && c.method === 'POST') return { body: opened };
    if (c.path === '/unit-reports/reminders') return { body: fx.unitReportReminded };
    return undefined;
  });
  renderPage(<UnitReportsPage />, { path: '/unit-reports', url: '/unit-reports?period=2026-10' });
  return calls;
}

const row = (id: number) => screen.getByTestId(`unit-${id}`);
/**
 * How late a unit that has not submitted is, in words: counted up to the real day the answers were
 * recorded on (the server has no fixed day of its own), so taken from them.
 */
const lateUntilRecorded = (id: number) => `Trễ ${BOARD.units.find((u) => u.organization.id === id)?.working_days_late} ngày làm việc`;

describe('UnitReportsPage', () => {
  it('shows the month, its due day, and where each unit stands with how late it is', async () => {
    const calls = open(ME_CONSOLIDATOR);
    expect(await screen.findByText('Hạn nộp: 04/11/2026, Tháng 10/2026: 01/10/2026 – 31/10/2026')).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/unit-reports')?.query.get('period')).toBe('2026-10');
    // With the division: three accepted, two submitted; not the one returned, the draft, the two not started.
    expect(screen.getByText('Đã gửi: 5/9 đơn vị')).toBeInTheDocument();
    expect(screen.getByText('Trễ hạn: 5 đơn vị')).toBeInTheDocument();

    const accepted = row(5);
    expect(accepted).toHaveTextContent(INFRASTRUCTURE);
    expect(within(accepted).getByText('Đã tiếp nhận')).toBeInTheDocument();
    expect(accepted).toHaveTextContent('24/11/2026');
    const waiting = row(6);
    expect(within(waiting).getByText('Chưa lập')).toBeInTheDocument();
    expect(within(waiting).getByText(lateUntilRecorded(6))).toHaveClass('ur-late');
    // Submitted on its due day: on time, and nothing said of lateness.
    const onTime = row(9);
    expect(within(onTime).getByText('Đã gửi')).toBeInTheDocument();
    expect(onTime).toHaveTextContent('04/11/2026');
    expect(onTime).not.toHaveTextContent('Trễ');
    const returned = row(7);
    expect(within(returned).getByText('Bị trả lại')).toBeInTheDocument();
    expect(within(row(8)).getByText('Trễ 4 ngày làm việc')).toBeInTheDocument();
  });

  it('names every state, says nothing of lateness for a unit on time, and offers reminders only where the report is awaited', async () => {
    expect(new Set(BOARD.units.map((u) => u.state))).toEqual(new Set(['not_started', 'draft', 'submitted', 'returned', 'accepted']));
    open(ME_CONSOLIDATOR);
    await screen.findByText('Đã gửi: 5/9 đơn vị');
    const named: [number, string][] = [
      [6, 'Chưa lập'],
      [10, 'Đang soạn'],
      [9, 'Đã gửi'],
      [7, 'Bị trả lại'],
      [4, 'Đã tiếp nhận'],
    ];
    for (const [id, label] of named) expect(within(row(id)).getByText(label)).toBeInTheDocument();
    // Returned, but first submitted before its due day: not late.
    expect(row(7)).not.toHaveTextContent('Trễ');
    expect(within(row(10)).getByText(lateUntilRecorded(10))).toBeInTheDocument();
    // Only the units whose report is not with the division are reminded.
    for (const id of [6, 10, 7]) expect(within(row(id)).getByRole('button', { name: /^Nhắc/ })).toBeInTheDocument();
    for (const id of [9, 4, 5]) expect(within(row(id)).queryByRole('button', { name: /^Nhắc/ })).toBeNull();
  });

  it('reminds a unit once confirmed, and says how many people were told', async () => {
    const calls = open(ME_CONSOLIDATOR);
    fireEvent.click(await screen.findByRole('button', { name: `Nhắc ${TRANSPORT} gửi báo cáo` }));
    const confirm = await screen.findByRole('tooltip');
    expect(confirm).toHaveTextContent(`Gửi thông báo nhắc ${TRANSPORT} gửi báo cáo tháng 10/2026?`);
    expect(calls.filter((c) => c.path === '/unit-reports/reminders')).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Nhắc' }));
    expect(await screen.findByText('Đã nhắc 1 người.')).toBeInTheDocument();
    const reminders = calls.filter((c) => c.path === '/unit-reports/reminders');
    expect(reminders).toHaveLength(1);
    expect(reminders[0].body).toEqual({ organization_id: 6, period: '2026-10' });
    expect(within(row(5)).queryByRole('button', { name: /^Nhắc/ })).toBeNull();
  });

  it('offers no reminders to someone who may not send them, and opens a preview of a report not started', async () => {
    const calls = open(ME_SPECIALIST, fx.unitReportBoardSpecialist as UnitReportBoard);
    fireEvent.click(await screen.findByRole('button', { name: `Mở báo cáo của ${INFRASTRUCTURE}` }));
    expect(await screen.findByTestId('location')).toHaveTextContent('/unit-reports/0?organization_id=5&period=2026-10');
    expect(screen.queryByRole('button', { name: /^Nhắc/ })).toBeNull();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ organization_id: 5, period: '2026-10' });
  });

  it('gives a unit head a way straight to the report of their unit', async () => {
    const calls = open(ME_UNIT_HEAD, fx.unitReportBoardSpecialist as UnitReportBoard, fx.unitReportDraft);
    fireEvent.click(await screen.findByRole('button', { name: /Báo cáo của đơn vị tôi/ }));
    expect(await screen.findByTestId('location')).toHaveTextContent(`/unit-reports/${fx.unitReportDraft.id}`);
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ organization_id: ME_UNIT_HEAD.organization_id, period: '2026-10' });
  });

  it('has no such button for someone who heads no unit', async () => {
    open(ME_SPECIALIST, fx.unitReportBoardSpecialist as UnitReportBoard);
    // Before the infrastructure division reported: two accepted, two submitted.
    await screen.findByText('Đã gửi: 4/9 đơn vị');
    expect(screen.queryByRole('button', { name: /Báo cáo của đơn vị tôi/ })).toBeNull();
  });
});
