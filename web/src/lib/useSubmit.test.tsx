import { describe, expect, it, vi } from 'vitest';
import { act, render, renderHook, screen } from '@testing-library/react';
import { Form, Input } from 'antd';
import { ApiError } from '../api/client';
import { AntdTestProviders } from '../test/render';
import { useEditSubmit, useSubmit, type SubmitOptions, type Submission } from './useSubmit';

const CHECK_FIELDS = 'Vui lòng kiểm tra các trường được đánh dấu.';

function refusal(status: number, fields: { field: string; code: string }[] = []) {
  return new ApiError(status, status === 412 ? 'precondition_failed' : 'invalid', 'Máy chủ từ chối', fields);
}

/** A form with a title field, sending with `useSubmit`; the submission is handed to the test. */
function TitleForm({ action, options, expose }: {
  action: () => Promise<unknown>;
  options?: Omit<SubmitOptions, 'form'>;
  expose: (s: Submission<void>) => void;
}) {
  const [form] = Form.useForm();
  const submission = useSubmit(action, { ...options, form });
  expose(submission);
  return (
    <Form form={form} initialValues={{ title: 'Báo cáo quý' }}>
      <Form.Item name="title" label="Tên">
        <Input />
      </Form.Item>
    </Form>
  );
}

function renderForm(action: () => Promise<unknown>, options?: Omit<SubmitOptions, 'form'>) {
  const latest: { current?: Submission<void> } = {};
  render(<TitleForm action={action} options={options} expose={(s) => (latest.current = s)} />, {
    wrapper: AntdTestProviders,
  });
  return latest as { current: Submission<void> };
}

describe('useSubmit', () => {
  it('is busy while the action is under way and does not run it twice meanwhile', async () => {
    let finish!: () => void;
    const action = vi.fn(() => new Promise<void>((res) => (finish = res)));
    const { result } = renderHook(() => useSubmit(action));
    expect(result.current.busy).toBe(false);

    let first!: Promise<void>;
    act(() => {
      first = result.current.run();
      void result.current.run();
    });
    expect(result.current.busy).toBe(true);
    expect(action).toHaveBeenCalledTimes(1);

    await act(async () => {
      finish();
      await first;
    });
    expect(result.current).toMatchObject({ busy: false, error: null });
  });

  it('shows the API’s field errors next to their inputs and asks to check them', async () => {
    const submission = renderForm(() => Promise.reject(refusal(422, [{ field: 'title', code: 'too_long' }])));
    await act(() => submission.current.run());
    expect(await screen.findByText('Nội dung quá dài')).toBeInTheDocument();
    expect(submission.current.error).toBe(CHECK_FIELDS);
  });

  it('keeps the server’s message when a field error has no input to go beside', async () => {
    const submission = renderForm(() => Promise.reject(refusal(422, [{ field: 'lead_org_id', code: 'not_found' }])));
    await act(() => submission.current.run());
    expect(submission.current.error).toBe('Máy chủ từ chối');
  });

  it('maps an API field onto a differently named input', async () => {
    const submission = renderForm(() => Promise.reject(refusal(422, [{ field: 'name', code: 'required' }])), {
      aliases: { name: 'title' },
    });
    await act(() => submission.current.run());
    expect(await screen.findByText('Trường này là bắt buộc')).toBeInTheDocument();
    expect(submission.current.error).toBe(CHECK_FIELDS);
  });

  it('says nothing above the form when the inputs say it all, if asked so', async () => {
    const submission = renderForm(() => Promise.reject(refusal(422, [{ field: 'title', code: 'taken' }])), {
      fieldsMessage: null,
    });
    await act(() => submission.current.run());
    expect(await screen.findByText('Giá trị này đã được dùng')).toBeInTheDocument();
    expect(submission.current.error).toBeNull();
  });

  it('gives a status its own message', async () => {
    const submission = renderForm(() => Promise.reject(refusal(412)), { byStatus: { 412: 'Đã có người sửa trước.' } });
    await act(() => submission.current.run());
    expect(submission.current.error).toBe('Đã có người sửa trước.');
  });

  it('keeps a failure’s message for display until the next attempt, and reports the failure', async () => {
    const onError = vi.fn();
    const failure = new Error('Không kết nối được máy chủ');
    const action = vi.fn<() => Promise<void>>().mockRejectedValueOnce(failure).mockResolvedValueOnce(undefined);
    const { result } = renderHook(() => useSubmit(action, { onError }));

    await act(() => result.current.run());
    expect(result.current).toMatchObject({ busy: false, error: 'Không kết nối được máy chủ' });
    expect(onError).toHaveBeenCalledWith(failure);

    await act(() => result.current.run());
    expect(result.current.error).toBeNull();
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('shows and clears a message of the form’s own', () => {
    const { result } = renderHook(() => useSubmit(async () => {}));
    act(() => result.current.setError('Tệp quá lớn'));
    expect(result.current.error).toBe('Tệp quá lớn');
    act(() => result.current.setError(null));
    expect(result.current.error).toBeNull();
  });
});

describe('useEditSubmit', () => {
  const unit = { id: 7, version: 3, name: 'Phòng Kế hoạch' };
  const changes = (u: typeof unit, v: { name: string }) => (v.name === u.name ? {} : { name: v.name });

  function renderEdit(update: (id: number, version: number, body: { name?: string }) => Promise<typeof unit>) {
    const onClose = vi.fn();
    const onDone = vi.fn();
    const { result } = renderHook(() =>
      useEditSubmit(unit, changes, update, { staleMessage: 'Đã có người sửa trước.', onClose, onDone }),
    );
    return { result, onClose, onDone };
  }

  it('sends only the changes, against the version the user saw', async () => {
    const update = vi.fn(async (_id: number, version: number, body: { name?: string }) => ({ ...unit, ...body, version: version + 1 }));
    const { result, onDone, onClose } = renderEdit(update);
    await act(() => result.current.run({ name: 'Phòng Tài chính' }));
    expect(update).toHaveBeenCalledWith(7, 3, { name: 'Phòng Tài chính' });
    expect(onDone).toHaveBeenCalledWith({ id: 7, version: 4, name: 'Phòng Tài chính' });
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes without asking the server when nothing changed', async () => {
    const update = vi.fn();
    const { result, onClose } = renderEdit(update);
    await act(() => result.current.run({ name: unit.name }));
    expect(update).not.toHaveBeenCalled();
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('says so when someone else changed the record meanwhile', async () => {
    const { result, onDone } = renderEdit(() => Promise.reject(refusal(412)));
    await act(() => result.current.run({ name: 'Phòng Tài chính' }));
    expect(result.current.error).toBe('Đã có người sửa trước.');
    expect(onDone).not.toHaveBeenCalled();
  });
});
