import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me, UnitReportBoard } from '../api/types';
import fx from '../test/apiFixtures.json';
import { ME_SPECIALIST, ME_UNIT_HEAD, mockFetch, renderPage, type Call } from '../test/pagesHarness';
import UnitReportsPage from './UnitReportsPage';

// The consolidator's board of October 2026 after the infrastructure division's report was
// accepted; nobody else had reported.
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

describe('UnitReportsPage', () => {
  it('shows the month, its due day, and where each unit stands with how late it is', async () => {
    const calls = open(ME_CONSOLIDATOR);
    expect(await screen.findByText('Hạn nộp: 04/11/2026, Tháng 10/2026: 01/10/2026 – 31/10/2026')).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/unit-reports')?.query.get('period')).toBe('2026-10');
    expect(screen.getByText('Đã gửi: 1/9 đơn vị')).toBeInTheDocument();
    expect(screen.getByText('Trễ hạn: 9 đơn vị')).toBeInTheDocument();

    const accepted = row(5);
    expect(accepted).toHaveTextContent(INFRASTRUCTURE);
    expect(within(accepted).getByText('Đã tiếp nhận')).toBeInTheDocument();
    expect(accepted).toHaveTextContent('24/11/2026');
    const waiting = row(6);
    expect(within(waiting).getByText('Chưa lập')).toBeInTheDocument();
    expect(within(waiting).getByText('Trễ 17 ngày làm việc')).toHaveClass('ur-late');
  });

  it('names every state, and says nothing of lateness for a unit on time', async () => {
    const [first, second, third, fourth, ...rest] = BOARD.units;
    const states: UnitReportBoard = {
      ...BOARD,
      units: [
        { ...first, state: 'draft', report_id: 21, working_days_late: 0 },
        { ...second, state: 'submitted', report_id: 22, first_submitted_on: '2026-11-03', submitted_on: '2026-11-03', working_days_late: 0 },
        { ...third, state: 'returned', report_id: 23, first_submitted_on: '2026-11-09', working_days_late: 3 },
        fourth,
        ...rest,
      ],
    };
    open(ME_CONSOLIDATOR, states);
    await screen.findByText('Đã gửi: 2/9 đơn vị');
    expect(within(row(first.organization.id)).getByText('Đang soạn')).toBeInTheDocument();
    expect(row(first.organization.id)).not.toHaveTextContent('Trễ');
    expect(within(row(second.organization.id)).getByText('Đã gửi')).toBeInTheDocument();
    expect(within(row(third.organization.id)).getByText('Bị trả lại')).toBeInTheDocument();
    expect(within(row(third.organization.id)).getByText('Trễ 3 ngày làm việc')).toBeInTheDocument();
    // Only the units whose report is not with the division yet are reminded.
    expect(within(row(second.organization.id)).queryByRole('button', { name: /^Nhắc/ })).toBeNull();
    expect(within(row(third.organization.id)).getByRole('button', { name: /^Nhắc/ })).toBeInTheDocument();
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
    await screen.findByText('Đã gửi: 0/9 đơn vị');
    expect(screen.queryByRole('button', { name: /Báo cáo của đơn vị tôi/ })).toBeNull();
  });
});
