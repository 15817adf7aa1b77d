import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me } from '../api/types';
import fx from '../test/apiFixtures.json';
import organizationList from '../test/fixtures/organizations.json';
import { ME_LEADER, ME_SPECIALIST, ME_UNIT_HEAD, mockFetch, renderPage } from '../test/pagesHarness';
import TaskFormPage from './TaskFormPage';

const TASK = fx.task89;

/** The demo's reference lists and task 89; a new task is created, an edit of 89 arrives too late. */
function serve(me: Me) {
  return mockFetch((c) => {
    if (c.path === '/me') return { body: me };
    if (c.path === '/organizations') return { body: organizationList };
    if (c.path === '/people') return { body: fx.people };
    if (c.path === '/sources') return { body: fx.sources };
    if (c.path === `/tasks/${TASK.id}` && c.method === 'GET') return { body: TASK };
    if (c.path === `/tasks/${TASK.id}` && c.method === 'PATCH') return { status: 412, body: fx.taskStale };
    if (c.path === '/tasks' && c.method === 'POST') return { status: 201, body: fx.taskCreated };
    return undefined;
  });
}

/** The edit form of task 89, filled from the server's answer. */
async function openEdit() {
  renderPage(<TaskFormPage />, { path: '/tasks/:id/edit', url: `/tasks/${TASK.id}/edit` });
  expect(await screen.findByRole('heading', { name: `Sửa nhiệm vụ #${TASK.id}` })).toBeInTheDocument();
  await waitFor(() => expect(screen.getByLabelText('Tên nhiệm vụ')).toHaveValue(TASK.title));
}

describe('TaskFormPage', () => {
  it('lets a unit head give a task of a source to their unit, then opens it', async () => {
    const calls = serve(ME_UNIT_HEAD);
    renderPage(<TaskFormPage />, { path: '/tasks/new', url: '/tasks/new?source=5' });
    expect(await screen.findByRole('heading', { name: 'Giao nhiệm vụ mới' })).toBeInTheDocument();
    // the source of the URL and the head's own unit are chosen already
    expect(await screen.findByText(/Số 512\/UBND-KTN ngày 15\/03\/2026/)).toBeInTheDocument();
    expect(screen.getByText('Phòng Quản lý kết cấu hạ tầng giao thông', { selector: '.ant-select-selection-item' })).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Tên nhiệm vụ'), { target: { value: ` ${fx.taskCreated.title} ` } });
    fireEvent.click(screen.getByRole('radio', { name: 'Thường xuyên' }));
    fireEvent.click(screen.getByRole('button', { name: 'Giao nhiệm vụ' }));

    expect(await screen.findByTestId('location')).toHaveTextContent(`/tasks/${fx.taskCreated.id}`);
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      source_id: 5,
      lead_org_id: ME_UNIT_HEAD.organization_id,
      title: fx.taskCreated.title,
      deadline: null,
      deadline_label: '',
    });
  });

  it('sends nothing when nothing was changed', async () => {
    const calls = serve(ME_LEADER);
    await openEdit();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Không có thay đổi nào để lưu.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
  });

  it('sends only what changed, and reloads the task when someone else saved it first', async () => {
    const calls = serve(ME_LEADER);
    await openEdit();
    fireEvent.change(screen.getByLabelText('Sản phẩm'), { target: { value: 'Biên bản kiểm tra, báo cáo kết quả xử lý' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Nhiệm vụ đã được người khác sửa trong lúc bạn đang sửa. Dữ liệu mới nhất đã được tải lại; vui lòng kiểm tra và lưu lại.',
    );
    const [patch] = calls.filter((c) => c.method === 'PATCH');
    expect(patch.path).toBe(`/tasks/${TASK.id}`);
    expect(patch.body).toEqual({ product: 'Biên bản kiểm tra, báo cáo kết quả xử lý' });
    expect(patch.headers['If-Match']).toBe(`"${TASK.version}"`);
    // the task is read again and the form shows it as the server has it
    expect(calls.filter((c) => c.method === 'GET' && c.path === `/tasks/${TASK.id}`)).toHaveLength(2);
    await waitFor(() => expect(screen.getByLabelText('Sản phẩm')).toHaveValue(TASK.product));
    expect(screen.queryByTestId('location')).toBeNull();
  });

  it('tells a specialist they may not give tasks', async () => {
    serve(ME_SPECIALIST);
    renderPage(<TaskFormPage />, { path: '/tasks/new' });
    expect(await screen.findByText('Bạn không có quyền giao hoặc sửa nhiệm vụ này.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Giao nhiệm vụ' })).toBeNull();
  });
});
