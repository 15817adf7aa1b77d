import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import type { Person, Task } from '../api/types';
import { toIsoDate } from '../lib/format';
import fx from '../test/apiFixtures.json';
import { mockFetch } from '../test/pagesHarness';
import { renderWithProviders } from '../test/render';
import { TaskActionModal, type TaskAction } from './TaskActionModal';

const TASK43 = fx.task43specialist as unknown as Task;
const TASK89 = fx.task89 as unknown as Task;

function open(task: Task, action: TaskAction) {
  const onDone = vi.fn<(t: Task) => void>();
  const onConflict = vi.fn();
  renderWithProviders(
    <TaskActionModal
      task={task}
      action={action}
      people={fx.people.items as Person[]}
      onClose={() => {}}
      onDone={onDone}
      onConflict={onConflict}
    />,
  );
  return { onDone, onConflict };
}

describe('TaskActionModal', () => {
  it('reports progress as of today and hands back the task the server returns', async () => {
    const calls = mockFetch((c) => (c.method === 'POST' && c.path === '/tasks/43/updates' ? { status: 201, body: TASK43 } : undefined));
    const { onDone } = open(TASK43, { kind: 'progress' });
    const dialog = await screen.findByRole('dialog', { name: 'Báo cáo tiến độ' });
    // the current progress is where the user starts from
    expect(within(dialog).getByLabelText('Tỷ lệ hoàn thành (%)')).toHaveValue(String(TASK43.progress));

    fireEvent.click(within(dialog).getByRole('button', { name: 'Báo cáo tiến độ' }));
    expect(await within(dialog).findByText('Vui lòng nhập nội dung')).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('Nội dung'), { target: { value: 'Đã khảo sát hiện trạng tuyến ĐT.623C.' } });
    fireEvent.change(within(dialog).getByLabelText('Tỷ lệ hoàn thành (%)'), { target: { value: '60' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Báo cáo tiến độ' }));

    await waitFor(() => expect(onDone).toHaveBeenCalledWith(TASK43));
    expect(calls[0].body).toEqual({ reported_on: toIsoDate(dayjs()), body: 'Đã khảo sát hiện trạng tuyến ĐT.623C.', percent: 60 });
  });

  it('opens the requested deadline on the first day one may ask for', async () => {
    mockFetch(() => undefined);
    open(TASK89, { kind: 'extension' });
    const dialog = await screen.findByRole('dialog');
    const input = within(dialog).getByLabelText('Hạn đề nghị');
    fireEvent.mouseDown(input);
    fireEvent.focus(input);
    fireEvent.click(input);
    const firstDay = dayjs(TASK89.deadline_in_force).add(1, 'day').format('YYYY-MM-DD');
    const cell = await waitFor(() => {
      const found = document.querySelector(`td[title="${firstDay}"]`);
      expect(document.querySelector('.ant-picker-dropdown')).not.toBeNull();
      expect(found).not.toBeNull();
      return found!;
    });
    expect(cell).not.toHaveClass('ant-picker-cell-disabled');
  });

  it('shows the server’s refusal in the dialog and keeps it open', async () => {
    mockFetch((c) => (c.method === 'POST' && c.path === '/tasks/89/updates' ? { status: 403, body: fx.progressForbidden } : undefined));
    const { onDone } = open(TASK89, { kind: 'progress' });
    const dialog = await screen.findByRole('dialog', { name: 'Báo cáo tiến độ' });
    fireEvent.change(within(dialog).getByLabelText('Nội dung'), { target: { value: 'Đã kiểm tra hiện trường.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Báo cáo tiến độ' }));
    expect(await within(dialog).findByText('Bạn không có quyền thực hiện thao tác này.')).toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('asks for an explanation with the question typed, and hands back the task awaiting the answer', async () => {
    const question = 'Đề nghị Thanh tra Sở báo cáo lý do chậm trễ và thời hạn hoàn thành.';
    const calls = mockFetch((c) =>
      c.method === 'POST' && c.path === '/tasks/89/explanations' ? { status: 201, body: fx.task89Explaining } : undefined,
    );
    const { onDone } = open(TASK89, { kind: 'explain' });
    const dialog = await screen.findByRole('dialog', { name: 'Yêu cầu giải trình' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yêu cầu giải trình' }));
    expect(await within(dialog).findByText('Vui lòng nhập nội dung yêu cầu')).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('Nội dung yêu cầu'), { target: { value: question } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yêu cầu giải trình' }));

    await waitFor(() => expect(onDone).toHaveBeenCalledWith(fx.task89Explaining));
    expect(calls[0].body).toEqual({ question, requested_on: toIsoDate(dayjs()) });
  });

  it('cancels with a reason, and asks for a reload when the task was completed meanwhile', async () => {
    const calls = mockFetch((c) =>
      c.method === 'POST' && c.path === '/tasks/89/cancel' ? { status: 409, body: fx.cancelCompleted } : undefined,
    );
    const { onDone, onConflict } = open(TASK89, { kind: 'cancel' });
    const dialog = await screen.findByRole('dialog', { name: 'Hủy nhiệm vụ' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy nhiệm vụ' }));
    expect(await within(dialog).findByText('Vui lòng nhập lý do')).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('radio', { name: 'Rút khỏi chương trình' }));
    fireEvent.change(within(dialog).getByLabelText('Lý do'), { target: { value: 'Không còn phù hợp với chỉ đạo mới.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy nhiệm vụ' }));

    expect(await within(dialog).findByText(fx.cancelCompleted.message)).toBeInTheDocument();
    expect(onConflict).toHaveBeenCalledTimes(1);
    expect(onDone).not.toHaveBeenCalled();
    expect(calls[0].body).toEqual({ kind: 'withdrawn', cancelled_on: toIsoDate(dayjs()), reason: 'Không còn phù hợp với chỉ đạo mới.' });
  });
});
