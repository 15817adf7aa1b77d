import { describe, expect, it } from 'vitest';
import { documentNumberLine, placeDateLine } from './documentLines';

describe('document lines', () => {
  it('join the number, the type’s code and the agency’s code, the number in two digits at least', () => {
    expect(documentNumberLine(15, 'BC', 'SGTVT')).toBe('Số: 15/BC-SGTVT');
    expect(documentNumberLine(3, 'TB', 'UBND-KT')).toBe('Số: 03/TB-UBND-KT');
    expect(documentNumberLine(120, 'KH', 'SGTVT')).toBe('Số: 120/KH-SGTVT');
  });

  it.each([
    ['2024-01-05', 'Quảng Ngãi, ngày 05 tháng 01 năm 2024'],
    ['2024-02-29', 'Quảng Ngãi, ngày 29 tháng 02 năm 2024'],
    ['2024-03-09', 'Quảng Ngãi, ngày 09 tháng 3 năm 2024'],
    ['2026-11-24', 'Quảng Ngãi, ngày 24 tháng 11 năm 2026'],
    ['2026-12-10', 'Quảng Ngãi, ngày 10 tháng 12 năm 2026'],
  ])('write %s with the day below 10 and the months 1 and 2 padded', (date, line) => {
    expect(placeDateLine('Quảng Ngãi', date)).toBe(line);
  });
});
