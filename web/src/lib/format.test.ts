import { describe, expect, it } from 'vitest';
import {
  compareVietnameseNames,
  daysBetween,
  deadlineFor,
  deadlineText,
  taskDeadlineText,
  foldVietnamese,
  formatDate,
  formatFileSize,
  formatNumber,
  formatRate,
  parseVnDate,
  vnCollator,
} from './format';
import { translate, type TFunction } from '../i18n';

describe('format', () => {
  it('shows dates as dd/mm/yyyy and reads them back', () => {
    expect(formatDate('2023-08-31')).toBe('31/08/2023');
    expect(formatDate(null)).toBe('—');
    expect(formatDate(undefined, 'Thường xuyên')).toBe('Thường xuyên');
    expect(parseVnDate('31/08/2023')).toBe('2023-08-31');
    expect(parseVnDate('1/2/2024')).toBe('2024-02-01');
    expect(parseVnDate('31/02/2023')).toBeNull();
  });

  it('formats numbers and rates the Vietnamese way', () => {
    expect(formatNumber(21914)).toBe('21.914');
    expect(formatNumber(21914, 'en')).toBe('21,914');
    expect(formatRate(0.0138)).toBe('1,38%');
    expect(formatRate(0.0138, 'en')).toBe('1.38%');
    expect(formatRate(0)).toBe('0%');
  });

  it('formats file sizes', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(1536)).toBe('1,5 KB');
    expect(formatFileSize(10 * 1024 * 1024, 'en')).toBe('10 MB');
  });

  it('computes deadlines for months, quarters and years with their labels', () => {
    expect(deadlineFor('month', { year: 2023, month: 2 })).toEqual({ deadline: '2023-02-28', label: 'Tháng 2/2023' });
    expect(deadlineFor('quarter', { year: 2023, quarter: 3 })).toEqual({ deadline: '2023-09-30', label: 'Quý III/2023' });
    expect(deadlineFor('year', { year: 2024 })).toEqual({ deadline: '2024-12-31', label: 'Năm 2024' });
    expect(deadlineFor('none', {})).toEqual({ deadline: null, label: 'Thường xuyên' });
    expect(deadlineFor('date', { date: '2024-05-06' })).toEqual({ deadline: '2024-05-06', label: '' });
    expect(deadlineFor('month', { year: 2023 })).toBeNull();
  });

  it('shows a deadline with its label, or Thường xuyên', () => {
    expect(deadlineText(null, '', 'Thường xuyên')).toBe('Thường xuyên');
    expect(deadlineText('2023-09-30', 'Quý III/2023', 'Thường xuyên')).toBe('Quý III/2023 (30/09/2023)');
    expect(deadlineText('2023-09-15', '', 'Thường xuyên')).toBe('15/09/2023');
  });

  it('shows the deadline in force first, and an extended one as extended from what it was', () => {
    const t: TFunction = (key, params) => translate('vi', key, params);
    const task = { deadline: '2026-10-31', deadline_in_force: '2026-12-01', deadline_label: 'Tháng 10/2026', extended: true };
    expect(taskDeadlineText(t, task)).toBe('01/12/2026 (đã gia hạn, hạn ban đầu Tháng 10/2026)');
    expect(taskDeadlineText(t, { ...task, deadline_label: '' })).toBe('01/12/2026 (đã gia hạn, hạn ban đầu 31/10/2026)');
    expect(taskDeadlineText(t, { ...task, deadline_in_force: '2026-10-31', extended: false })).toBe('Tháng 10/2026 (31/10/2026)');
    expect(taskDeadlineText(t, { deadline: null, deadline_label: '', extended: false })).toBe('Thường xuyên');
  });

  it('counts days and folds diacritics', () => {
    expect(daysBetween('2023-08-30', '2023-09-02')).toBe(3);
    expect(daysBetween('2023-09-02', '2023-08-30')).toBe(-3);
    expect(foldVietnamese('Kế hoạch Đường bộ')).toBe('ke hoach duong bo');
  });

  it('orders people by given name, then by full name', () => {
    const names = ['Trần Thị Bình', 'Nguyễn Văn An', 'Lê Văn Đức', 'Phạm Thị An'];
    expect([...names].sort(compareVietnameseNames)).toEqual(['Nguyễn Văn An', 'Phạm Thị An', 'Trần Thị Bình', 'Lê Văn Đức']);
  });

  it('sorts Vietnamese names', () => {
    const names = ['Đặng', 'Bùi', 'Anh', 'Dương'];
    expect([...names].sort(vnCollator.compare)).toEqual(['Anh', 'Bùi', 'Dương', 'Đặng']);
  });
});

describe('todayIso', () => {
  it("is the agency's date (Asia/Ho_Chi_Minh, UTC+7), not UTC's", async () => {
    const { todayIso } = await import('./format');
    // 18:30 UTC on 24 November is already 25 November in Hà Nội.
    expect(todayIso(new Date('2026-11-24T18:30:00Z'))).toBe('2026-11-25');
    expect(todayIso(new Date('2026-11-24T16:59:00Z'))).toBe('2026-11-24');
    expect(todayIso(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
});
