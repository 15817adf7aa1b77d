import { screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hrefQuery, ME_LEADER, ME_SPECIALIST, ME_UNIT_HEAD, mockFetch, renderPage } from '../test/pagesHarness';
import type { Me } from '../api/types';
import { todayIso } from '../lib/format';
import fx from '../test/apiFixtures.json';
import MyTasksPage from './MyTasksPage';

afterEach(() => vi.unstubAllGlobals());


function serve(me: Me) {
  return mockFetch((c) => {
    if (c.path === '/me') return { body: me };
    if (c.path === '/organizations') return { body: { items: [] } };
    if (c.path === '/tasks') {
      const status = c.query.get('status');
      const total = status === 'overdue' ? 1 : c.query.get('deadline_to') ? 2 : 4;
      return { body: { items: [], total, page: 1, page_size: 10, as_of: c.query.get('as_of') } };
    }
    return undefined;
  });
}

describe('MyTasksPage', () => {
  it('shows a specialist the overdue, due-soon and in-progress tasks assigned to them, with counts and links', async () => {
    const calls = serve(ME_SPECIALIST);
    renderPage(<MyTasksPage />, { path: '/my' });
    // The agency's today (Asia/Ho_Chi_Minh), as the page computes it.
    const today = todayIso();
    const in7 = dayjs(today).add(7, 'day').format('YYYY-MM-DD');
    const overdue = await screen.findByTestId('warning-overdue-total');
    const due = await screen.findByTestId('warning-due_soon-total');
    const doing = await screen.findByTestId('warning-on_track-total');
    expect(overdue).toHaveTextContent('(1)');
    expect(due).toHaveTextContent('(2)');
    expect(doing).toHaveTextContent('(4)');
    expect(hrefQuery(overdue.getAttribute('href'))).toEqual({ as_of: today, status: 'overdue', assignee: '17', sort: 'deadline' });
    expect(hrefQuery(due.getAttribute('href'))).toEqual({
      as_of: today,
      status: 'in_progress',
      assignee: '17',
      deadline_from: today,
      deadline_to: in7,
      sort: 'deadline',
    });
    expect(hrefQuery(doing.getAttribute('href'))).toEqual({ as_of: today, status: 'in_progress', assignee: '17', sort: 'deadline' });
    const lists = calls.filter((c) => c.path === '/tasks');
    expect(lists).toHaveLength(3);
    expect(lists.every((c) => c.query.get('assignee') === '17' && !c.query.has('lead_org'))).toBe(true);
    // No scope switch for a specialist.
    expect(document.querySelector('.ant-segmented')).toBeNull();
  });

  it('shows an extended deadline as the one in force, marked extended, with what it was', async () => {
    const extended = {
      ...fx.taskPage.items[0],
      completed_on: null,
      status: 'in_progress',
      deadline: '2026-10-31',
      deadline_in_force: '2026-12-01',
      deadline_label: 'Tháng 10/2026',
      extended: true,
    };
    mockFetch((c) => {
      if (c.path === '/me') return { body: ME_SPECIALIST };
      if (c.path === '/organizations') return { body: { items: [] } };
      if (c.path === '/tasks') return { body: { items: [extended], total: 1, page: 1, page_size: 10, as_of: c.query.get('as_of') } };
      return undefined;
    });
    renderPage(<MyTasksPage />, { path: '/my' });
    const shown = await screen.findAllByText(/01\/12\/2026 \(đã gia hạn, hạn ban đầu Tháng 10\/2026\)/);
    expect(shown).toHaveLength(3);
    expect(screen.queryByText(/Tháng 10\/2026 \(01\/12\/2026\)/)).not.toBeInTheDocument();
  });

  it('shows a unit head the tasks their unit leads', async () => {
    const calls = serve(ME_UNIT_HEAD);
    renderPage(<MyTasksPage />, { path: '/my' });
    await screen.findByTestId('warning-overdue-total');
    await waitFor(() => expect(calls.filter((c) => c.path === '/tasks')).toHaveLength(3));
    expect(calls.filter((c) => c.path === '/tasks').every((c) => c.query.get('lead_org') === '5')).toBe(true);
    expect(document.querySelector('.ant-segmented')).toHaveTextContent('Việc đơn vị chủ trì');
  });

  it('opens on the tasks a leader supervises', async () => {
    const calls = serve(ME_LEADER);
    renderPage(<MyTasksPage />, { path: '/my' });
    await screen.findByTestId('warning-overdue-total');
    await waitFor(() => expect(calls.filter((c) => c.path === '/tasks')).toHaveLength(3));
    const lists = calls.filter((c) => c.path === '/tasks');
    expect(lists.every((c) => c.query.get('leader') === String(ME_LEADER.person_id) && !c.query.has('assignee'))).toBe(true);
    expect(document.querySelector('.ant-segmented-item-selected')).toHaveTextContent('Việc tôi phụ trách');
  });
});
