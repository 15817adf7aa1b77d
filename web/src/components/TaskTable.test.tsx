import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TaskSummary } from '../api/types';
import fx from '../test/apiFixtures.json';
import { fixedMediaQuery } from '../test/media';
import { renderWithProviders } from '../test/render';
import { TaskTable } from './TaskTable';

const overdue = fx.source5Tasks.items.find((t) => t.status === 'overdue') as TaskSummary;
const dueSoon: TaskSummary = {
  ...overdue,
  id: 4242,
  title: 'Rà soát, xử lý các điểm đen tai nạn giao thông',
  status: 'in_progress',
  warning: 'due_soon',
  lead_org: { id: 6, name: 'Phòng Quản lý vận tải, phương tiện và người lái' },
};

/** A screen as wide as a desktop's (antd's breakpoints all match). */
function wideScreen() {
  vi.stubGlobal('matchMedia', fixedMediaQuery(true));
}

const show = () =>
  renderWithProviders(<TaskTable items={[overdue, dueSoon]} total={2} page={1} pageSize={20} asOf="2026-11-24" noPaging />);

describe('TaskTable', () => {
  it('says "Quá hạn" once for an overdue task, and a different warning beside the status (table)', () => {
    wideScreen();
    show();
    const late = screen.getByRole('row', { name: new RegExp(overdue.title) });
    expect(within(late).getAllByText('Quá hạn')).toHaveLength(1);
    const soon = screen.getByRole('row', { name: new RegExp(dueSoon.title) });
    expect(within(soon).getByText('Đang thực hiện trong hạn')).toBeInTheDocument();
    expect(within(soon).getByText('Sắp đến hạn')).toBeInTheDocument();
  });

  it('says "Quá hạn" once for an overdue task (phone cards)', () => {
    show();
    const card = screen.getByRole('link', { name: overdue.title }).closest('li')!;
    expect(within(card as HTMLElement).getAllByText('Quá hạn')).toHaveLength(1);
  });

  it('shows lead units’ whole names, wrapped rather than cut', () => {
    wideScreen();
    show();
    const soon = screen.getByRole('row', { name: new RegExp(dueSoon.title) });
    const cell = within(soon).getByText(dueSoon.lead_org.name).closest('td')!;
    expect(cell).not.toHaveClass('ant-table-cell-ellipsis');
  });
});
