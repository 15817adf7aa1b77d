import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Notice, NoticeList } from '../api/types';
import fx from '../test/apiFixtures.json';
import { ME_UNIT_HEAD, mockFetch, renderPage, type Call } from '../test/pagesHarness';
import { NoticeBell } from './NoticeBell';

// What the transport division's head found after the consolidator's reminder about October 2026.
const UNREAD = fx.noticesUnread as NoticeList;
const READ = fx.noticesRead as NoticeList;
type Reminder = Extract<Notice, { kind: 'unit_report_reminder' }>;
const REMINDER = UNREAD.items[0] as Reminder;
const WORDING = 'Nguyễn Thị Hồng Nhung nhắc: báo cáo tháng 10/2026 của Phòng Quản lý vận tải, phương tiện và người lái, hạn 04/11/2026';

function open(lists: NoticeList[]) {
  let reads = 0;
  const calls = mockFetch((c: Call) => {
    if (c.path === '/me') return { body: ME_UNIT_HEAD };
    if (c.path === '/notices') return { body: lists[Math.min(reads++, lists.length - 1)] };
    if (c.path === `/notices/${REMINDER.id}/read`) return { body: fx.noticeRead };
    return undefined;
  });
  renderPage(<NoticeBell />, { path: '/' });
  return calls;
}

describe('NoticeBell', () => {
  it('shows how many notices are unread and words a reminder from its facts', async () => {
    open([UNREAD]);
    const bell = await screen.findByRole('button', { name: 'Thông báo, 1 chưa đọc' });
    fireEvent.click(bell);
    const item = await screen.findByRole('menuitem', { name: WORDING });
    expect(within(item).getByText(WORDING)).toHaveClass('notice-unread');
  });

  it('marks a reminder read and goes to the board of its month', async () => {
    const calls = open([UNREAD, READ]);
    fireEvent.click(await screen.findByRole('button', { name: 'Thông báo, 1 chưa đọc' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: WORDING }));
    expect(await screen.findByTestId('location')).toHaveTextContent('/unit-reports?period=2026-10');
    expect(calls.filter((c) => c.method === 'POST' && c.path === `/notices/${REMINDER.id}/read`)).toHaveLength(1);
  });

  it('goes to the report itself once the unit has opened it, and does not mark a read notice again', async () => {
    const read = READ.items[0] as Reminder;
    const opened: Notice = { ...read, params: { ...read.params, report_id: 7 } };
    const calls = open([{ items: [opened], unread: 0 }]);
    fireEvent.click(await screen.findByRole('button', { name: 'Thông báo' }));
    const item = await screen.findByRole('menuitem', { name: WORDING });
    expect(within(item).getByText(WORDING)).not.toHaveClass('notice-unread');
    fireEvent.click(item);
    expect(await screen.findByTestId('location')).toHaveTextContent('/unit-reports/7');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('words a returned report with the comment it came back with, and leads to the report', async () => {
    const returned: Notice = {
      ...REMINDER,
      kind: 'unit_report_returned',
      params: {
        organization_id: REMINDER.params.organization_id,
        organization_name: REMINDER.params.organization_name,
        period: REMINDER.params.period,
        report_id: 9,
        comment: 'Bổ sung số liệu kinh phí',
      },
    };
    open([{ items: [returned], unread: 1 }]);
    fireEvent.click(await screen.findByRole('button', { name: 'Thông báo, 1 chưa đọc' }));
    const wording =
      'Nguyễn Thị Hồng Nhung trả lại báo cáo tháng 10/2026 của Phòng Quản lý vận tải, phương tiện và người lái: Bổ sung số liệu kinh phí';
    fireEvent.click(await screen.findByRole('menuitem', { name: wording }));
    expect(await screen.findByTestId('location')).toHaveTextContent('/unit-reports/9');
  });

  it('says when there is nothing to read', async () => {
    open([{ items: [], unread: 0 }]);
    fireEvent.click(await screen.findByRole('button', { name: 'Thông báo' }));
    expect(await screen.findByText('Không có thông báo.')).toBeInTheDocument();
  });
});
