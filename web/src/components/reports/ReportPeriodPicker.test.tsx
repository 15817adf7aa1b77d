import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { PeriodConvention } from '../../api/types';
import { renderWithProviders } from '../../test/render';
import { ReportPeriodPicker } from './ReportPeriodPicker';

function setup(value: string, begunBy?: { today: string; convention: PeriodConvention }) {
  const onChange = vi.fn<(key: string) => void>();
  renderWithProviders(
    <>
      <label htmlFor="p">Kỳ báo cáo</label>
      <ReportPeriodPicker id="p" value={value} onChange={onChange} begunBy={begunBy} />
    </>,
  );
  return onChange;
}

/** Opens the date picker and finds the cell titled `title` ("2026-12" for a month). */
async function cell(title: string): Promise<Element> {
  const input = screen.getByLabelText('Kỳ báo cáo');
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.click(input);
  return waitFor(() => {
    const found = document.querySelector(`.ant-picker-dropdown td[title="${title}"]`);
    expect(found).not.toBeNull();
    return found!;
  });
}

describe('ReportPeriodPicker', () => {
  it('greys out the months that have not begun by today', async () => {
    setup('2026-11', { today: '2026-11-27', convention: 'calendar_month' });
    expect(await cell('2026-12')).toHaveClass('ant-picker-cell-disabled');
    expect(await cell('2026-11')).not.toHaveClass('ant-picker-cell-disabled');
  });

  it('knows that under the cut-off next month’s period begins on the 15th', async () => {
    setup('2026-11', { today: '2026-11-27', convention: 'cutoff_14th' });
    expect(await cell('2026-12')).not.toHaveClass('ant-picker-cell-disabled');
  });

  it('offers every period when it is not told which have begun', async () => {
    setup('2026-11');
    expect(await cell('2026-12')).not.toHaveClass('ant-picker-cell-disabled');
  });

  it('lands a change of kind on the latest period begun, not on one to come', async () => {
    const onChange = setup('2026-Q4', { today: '2026-11-27', convention: 'calendar_month' });
    // The month of a quarter is its last: December, which has not begun.
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Loại kỳ báo cáo' }));
    fireEvent.click(await screen.findByTitle('Tháng'));
    expect(onChange).toHaveBeenLastCalledWith('2026-11');
  });
});
