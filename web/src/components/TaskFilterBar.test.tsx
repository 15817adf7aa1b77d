import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { TaskFilterBar, dayToPeriod, periodToDay } from './TaskFilterBar';
import { renderWithProviders } from '../test/render';
import { organizations, people, sources } from '../test/fixtures';
import type { TaskFilter } from '../lib/taskFilter';

function setup(value: TaskFilter = {}) {
  const onChange = vi.fn<(f: TaskFilter) => void>();
  renderWithProviders(
    <TaskFilterBar value={value} onChange={onChange} organizations={organizations} agencyId={2} people={people} sources={sources} debounceMs={200} />,
  );
  return onChange;
}

describe('TaskFilterBar', () => {
  it('applies the search after a pause, trimmed, and resets the page', () => {
    vi.useFakeTimers();
    try {
      const onChange = setup({ page: 4, status: ['overdue'] });
      const box = screen.getByRole('textbox', { name: /Tìm theo tên/ });
      fireEvent.change(box, { target: { value: 'ke hoach ' } });
      expect(onChange).not.toHaveBeenCalled();
      act(() => {
        vi.advanceTimersByTime(250);
      });
      expect(onChange).toHaveBeenCalledTimes(1);
      expect(onChange).toHaveBeenCalledWith({ status: ['overdue'], q: 'ke hoach', page: undefined });
    } finally {
      vi.useRealTimers();
    }
  });

  it('finds a lead unit typed without diacritics, Enter picking it, and offers nothing above the agency', async () => {
    const onChange = setup();
    const box = screen.getByRole('combobox', { name: 'Đơn vị chủ trì' });
    fireEvent.mouseDown(box);
    await screen.findByTitle('Sở Giao thông vận tải tỉnh Quảng Ngãi');
    expect(screen.queryByTitle('UBND tỉnh Quảng Ngãi')).toBeNull();
    fireEvent.change(box, { target: { value: 'ket cau' } });
    await screen.findByTitle('Phòng Quản lý kết cấu hạ tầng giao thông');
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ lead_org: 5 }));
  });

  it('applies the search at once on Enter', () => {
    const onChange = setup();
    const box = screen.getByRole('textbox', { name: /Tìm theo tên/ });
    fireEvent.change(box, { target: { value: 'sạt lở' } });
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ q: 'sạt lở' }));
  });

  it('shows the current statuses with their Vietnamese names', () => {
    setup({ status: ['overdue', 'completed_late'] });
    const search = screen.getByRole('search');
    expect(within(search).getByText('Quá hạn')).toBeInTheDocument();
    expect(within(search).getByText('Hoàn thành trễ hạn')).toBeInTheDocument();
  });

  it('reveals the other filters and opens them when one is set', () => {
    setup({ key: true, leader: 1 });
    expect(screen.getByText('Chỉ nhiệm vụ trọng tâm')).toBeInTheDocument();
    expect(screen.getByText('Trần Quốc Bảo – Giám đốc')).toBeInTheDocument();
    expect(screen.getByText('Đơn vị tham gia (cả đơn vị cấp dưới)', { selector: 'label' })).toBeInTheDocument();
    expect(screen.getByText('Tính đến ngày', { selector: 'label' })).toBeInTheDocument();
  });

  it('shows an extension request filter that opens the other filters', () => {
    setup({ extension_pending: true });
    expect(screen.getByText('Đang chờ duyệt gia hạn')).toBeInTheDocument();
    expect(screen.getByText('Đề nghị gia hạn', { selector: 'label' })).toBeInTheDocument();
  });

  it('toggles the extra filters from the button', () => {
    setup();
    expect(screen.queryByText('Loại nguồn')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /Thêm bộ lọc/ }));
    expect(screen.getByText('Loại nguồn')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Thu gọn bộ lọc/ })).toHaveAttribute('aria-expanded', 'true');
  });

  it('clears every condition but keeps sort and page size', () => {
    const onChange = setup({ q: 'abc', status: ['overdue'], sort: ['deadline'], page_size: 100, page: 3 });
    fireEvent.click(screen.getByRole('button', { name: /Xóa bộ lọc/ }));
    expect(onChange).toHaveBeenCalledWith({ sort: ['deadline'], page_size: 100 });
  });

  it('removes the parent condition from its tag', () => {
    const onChange = setup({ parent: 7 });
    expect(screen.getByText('Nhiệm vụ con của #7')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('img', { name: 'Đóng' }));
    expect(onChange).toHaveBeenCalledWith({ parent: undefined, page: undefined });
  });

  it('converts periods to and from picker dates', () => {
    expect(dayToPeriod(periodToDay('2023-Q3')!, 'quarter')).toBe('2023-Q3');
    expect(dayToPeriod(periodToDay('2023-08')!, 'month')).toBe('2023-08');
    expect(dayToPeriod(periodToDay('2024')!, 'year')).toBe('2024');
    expect(dayToPeriod(periodToDay('2023-08')!, 'quarter')).toBe('2023-Q3');
  });
});
