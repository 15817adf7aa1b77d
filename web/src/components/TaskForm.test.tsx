import type { ComponentProps } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { ApiError } from '../api/client';
import type { TaskCreate } from '../api/types';
import { renderWithProviders } from '../test/render';
import { organizations, people, sources } from '../test/fixtures';
import { TaskForm, bodyFromValues } from './TaskForm';

type Submit = (b: TaskCreate) => Promise<void>;

/** A create form over the fixtures, filled with `defaults`; `onSubmit` receives the body. */
function renderCreateForm(onSubmit: Submit, defaults?: ComponentProps<typeof TaskForm>['defaults']) {
  renderWithProviders(
    <TaskForm
      mode="create"
      organizations={organizations}
      agencyId={2}
      people={people}
      sources={sources}
      onSubmit={onSubmit}
      defaults={defaults}
    />,
  );
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Giao nhiệm vụ' }));

describe('TaskForm', () => {
  it('shows the required-field messages next to the fields', async () => {
    const onSubmit = vi.fn<Submit>();
    renderCreateForm(onSubmit);
    submit();
    expect(await screen.findByText('Vui lòng chọn nguồn nhiệm vụ')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập tên nhiệm vụ')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng chọn đơn vị chủ trì')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng chọn hạn xử lý')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Vui lòng kiểm tra các trường được đánh dấu.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('maps the API field errors to the fields and shows the source document', async () => {
    const onSubmit = vi.fn<Submit>().mockRejectedValue(
      new ApiError(422, 'validation_failed', 'Dữ liệu chưa hợp lệ', [
        { field: 'title', code: 'too_long' },
        { field: 'deadline', code: 'before_assigned_on' },
        { field: 'cooperator_ids[0]', code: 'includes_lead' },
      ]),
    );
    renderCreateForm(onSubmit, { source_id: 3, lead_org_id: 5, title: 'Khắc phục sạt lở', assigned_on: dayjs('2025-11-09'), deadline_date: dayjs('2025-12-01') });
    expect(await screen.findByText(/Số 2345\/UBND-KTN ngày 05\/11\/2025/)).toBeInTheDocument();
    submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const body = onSubmit.mock.calls[0][0];
    expect(body).toMatchObject({ source_id: 3, lead_org_id: 5, title: 'Khắc phục sạt lở', assigned_on: '2025-11-09', deadline: '2025-12-01', deadline_label: '' });
    expect(await screen.findByText('Nội dung quá dài')).toBeInTheDocument();
    expect(screen.getByText('Không được trước ngày giao')).toBeInTheDocument();
    expect(screen.getByText('Không được gồm đơn vị chủ trì')).toBeInTheDocument();
  });

  it('shows a refusal without field errors as a message', async () => {
    const onSubmit = vi
      .fn<(b: TaskCreate) => Promise<void>>()
      .mockRejectedValue(new ApiError(403, 'forbidden', 'Bạn không có quyền thực hiện thao tác này.'));
    renderCreateForm(onSubmit, { source_id: 3, lead_org_id: 5, title: 'X', deadline_kind: 'none' });
    submit();
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Bạn không có quyền thực hiện thao tác này.'));
  });

  it('refuses a deadline before the assignment date', async () => {
    const onSubmit = vi.fn<Submit>();
    renderCreateForm(onSubmit, { source_id: 3, lead_org_id: 5, title: 'X', assigned_on: dayjs('2025-11-09'), deadline_date: dayjs('2025-11-01') });
    submit();
    expect(await screen.findByText('Hạn xử lý không được trước ngày giao')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a lead unit among the cooperating units', async () => {
    const onSubmit = vi.fn<Submit>();
    renderCreateForm(onSubmit, { source_id: 3, lead_org_id: 5, cooperator_ids: [5, 4], title: 'X', deadline_kind: 'none' });
    submit();
    expect(await screen.findByText('Đơn vị chủ trì không đồng thời là đơn vị phối hợp')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('turns month, quarter, year and ongoing deadlines into the API body', () => {
    const base = { source_id: 3, lead_org_id: 5, title: ' T ' };
    expect(bodyFromValues({ ...base, deadline_kind: 'quarter', deadline_period: dayjs('2023-08-15') })).toMatchObject({
      title: 'T',
      deadline: '2023-09-30',
      deadline_label: 'Quý III/2023',
    });
    expect(bodyFromValues({ ...base, deadline_kind: 'month', deadline_period: dayjs('2024-02-01') })).toMatchObject({
      deadline: '2024-02-29',
      deadline_label: 'Tháng 2/2024',
    });
    expect(bodyFromValues({ ...base, deadline_kind: 'year', deadline_period: dayjs('2024-01-01') })).toMatchObject({
      deadline: '2024-12-31',
      deadline_label: 'Năm 2024',
    });
    expect(bodyFromValues({ ...base, deadline_kind: 'none' })).toMatchObject({ deadline: null, deadline_label: '' });
  });
});

describe('TaskForm pickers', () => {
  it('say what to choose while empty', () => {
    renderCreateForm(vi.fn());
    const form = screen.getByRole('form');
    for (const text of [
      'Gõ số hoặc tên văn bản để tìm',
      'Chọn hoặc gõ tên đơn vị chủ trì',
      'Chọn các đơn vị phối hợp (nếu có)',
      'Chọn hoặc gõ tên lãnh đạo',
      'Chọn hoặc gõ tên chuyên viên',
    ]) {
      expect(within(form).getByText(text)).toBeInTheDocument();
    }
    expect(screen.getByLabelText('Hạn xử lý', { exact: true })).toHaveAttribute('placeholder', 'Chọn ngày');
    expect(screen.queryByPlaceholderText('Chọn thời điểm')).toBeNull();
  });

  it('picks the one lead unit left by typing when Enter is pressed', async () => {
    const onSubmit = vi.fn<Submit>().mockResolvedValue();
    renderCreateForm(onSubmit, { source_id: 3, title: 'Khắc phục sạt lở', deadline_kind: 'none' });
    const box = screen.getByRole('combobox', { name: 'Đơn vị chủ trì' });
    fireEvent.mouseDown(box);
    fireEvent.change(box, { target: { value: 'nguoi lai' } });
    await screen.findByTitle('Phòng Quản lý vận tải, phương tiện và người lái');
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
    submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ lead_org_id: 6 });
  });

  it('offers the agency’s units as cooperators, and Enter picks the unit whose name was typed', async () => {
    const onSubmit = vi.fn<Submit>().mockResolvedValue();
    renderCreateForm(onSubmit, { source_id: 3, lead_org_id: 5, title: 'Khắc phục sạt lở', deadline_kind: 'none' });
    const box = screen.getByRole('combobox', { name: 'Đơn vị phối hợp' });
    fireEvent.mouseDown(box);
    await screen.findByTitle('Thanh tra Sở');
    // Neither the agency as a whole nor the province above it cooperates on the agency's own task.
    expect(screen.queryByTitle('Sở Giao thông vận tải tỉnh Quảng Ngãi')).toBeNull();
    expect(screen.queryByTitle('UBND tỉnh Quảng Ngãi')).toBeNull();
    fireEvent.change(box, { target: { value: 'vận tải' } });
    await screen.findByTitle('Phòng Quản lý vận tải, phương tiện và người lái');
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
    submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ lead_org_id: 5, cooperator_ids: [6] });
  });

  it('offers a unit head only their own unit as the lead', async () => {
    renderWithProviders(
      <TaskForm mode="create" organizations={organizations} agencyId={2} leadWithin={5} sources={sources} onSubmit={vi.fn()} />,
    );
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Đơn vị chủ trì' }));
    const tree = await screen.findByRole('tree');
    expect(within(tree).getAllByRole('treeitem').map((n) => n.textContent)).toEqual(['Phòng Quản lý kết cấu hạ tầng giao thông']);
  });
});
