import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CalendarYear, Me } from '../api/types';
import { todayIso } from '../lib/format';
import fx from '../test/apiFixtures.json';
import { fixedMediaQuery } from '../test/media';
import { ME_ADMIN, ME_SPECIALIST, mockFetch, renderPage, type Call } from '../test/pagesHarness';
import CalendarPage from './CalendarPage';

const Y2026 = fx.calendar2026 as CalendarYear;
const Y2031 = fx.calendar2031 as CalendarYear;
const Y2026_EDITED = fx.calendar2026Edited as CalendarYear;

type Answer = { status?: number; body?: unknown };

/** The recorded years; a PUT or DELETE of 2026 answered with `put` or `del`. */
function serve(me: Me, { year2026 = Y2026, put, del }: { year2026?: CalendarYear; put?: Answer; del?: Answer } = {}) {
  return mockFetch((c) => {
    if (c.path === '/me') return { body: me };
    const year = /^\/calendar\/(\d{4})$/.exec(c.path)?.[1];
    if (c.method === 'GET' && year === '2026') return { body: year2026 };
    if (c.method === 'GET' && year === '2031') return { body: Y2031 };
    // Any other year: the statutory days, which the tests do not look at.
    if (c.method === 'GET' && year) return { body: { ...Y2031, year: Number(year), days: [] } };
    if (c.method === 'PUT' && year === '2026') return put;
    if (c.method === 'DELETE' && year === '2026') return del;
    return undefined;
  });
}

const calendarCalls = (calls: Call[], method: string) => calls.filter((c) => c.method === method && c.path.startsWith('/calendar/'));

/** The row of a date (on a phone its cell holds the weekday too). */
function row(date: string): HTMLElement {
  return screen.getByText(date).closest('tr') as HTMLElement;
}

const shownDates = () => screen.getAllByRole('row').slice(1).map((r) => r.querySelector('td')?.textContent?.slice(0, 10));

async function startEditing() {
  fireEvent.click(await screen.findByRole('button', { name: /Sửa lịch/ }));
  return screen.findByRole('button', { name: 'Lưu lịch' });
}

async function openDayDialog(button: HTMLElement, title: string) {
  fireEvent.click(button);
  return screen.findByRole('dialog', { name: title });
}

async function pickDate(dialog: HTMLElement, iso: string) {
  const input = within(dialog).getByLabelText('Ngày');
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.click(input);
  const cell = await waitFor(() => {
    const found = document.querySelector(`td[title="${iso}"]`);
    expect(found).not.toBeNull();
    return found as HTMLElement;
  });
  fireEvent.click(cell);
  await waitFor(() => expect(input).toHaveValue(iso.split('-').reverse().join('/')));
}

describe('CalendarPage', () => {
  it.each([
    ['a phone', false],
    ['a desktop', true],
  ])('shows a year’s days in date order with their weekdays, kinds and where they come from, on %s', async (_, wide) => {
    // jsdom matches no media query: a phone's width unless every breakpoint is made to match.
    if (wide) vi.stubGlobal('matchMedia', fixedMediaQuery(true));
    const calls = serve(ME_SPECIALIST);
    renderPage(<CalendarPage />, { path: '/calendar', url: '/calendar?year=2026' });
    expect(await screen.findByRole('heading', { name: 'Lịch làm việc năm 2026' })).toBeInTheDocument();
    expect(await screen.findByText('Lịch nghỉ Chính phủ đã công bố')).toBeInTheDocument();

    const newYear = row('01/01/2026');
    expect(newYear).toHaveTextContent('Thứ Năm');
    expect(newYear).toHaveTextContent('Ngày nghỉ');
    expect(newYear).toHaveTextContent('Tết Dương lịch');
    const worked = row('10/01/2026');
    expect(worked).toHaveTextContent('Thứ Bảy');
    expect(worked).toHaveTextContent('Ngày làm việc (làm bù)');
    expect(row('22/02/2026')).toHaveTextContent('Chủ nhật');

    // A column of its own on a desktop; under the date on a phone.
    expect(screen.queryByRole('columnheader', { name: 'Thứ' }) !== null).toBe(wide);
    expect(shownDates()).toEqual(Y2026.days.map((d) => d.date.split('-').reverse().join('/')));
    expect(calendarCalls(calls, 'GET').map((c) => c.path)).toEqual(['/calendar/2026']);
  });

  it('opens on the current year and moves from year to year', async () => {
    const calls = serve(ME_SPECIALIST);
    const thisYear = Number(todayIso().slice(0, 4));
    renderPage(<CalendarPage />, { path: '/calendar' });
    expect(await screen.findByRole('heading', { name: `Lịch làm việc năm ${thisYear}` })).toBeInTheDocument();
    await waitFor(() => expect(calendarCalls(calls, 'GET').map((c) => c.path)).toEqual([`/calendar/${thisYear}`]));
    fireEvent.click(screen.getByRole('button', { name: 'Năm sau' }));
    expect(await screen.findByRole('heading', { name: `Lịch làm việc năm ${thisYear + 1}` })).toBeInTheDocument();
    expect(calendarCalls(calls, 'GET').map((c) => c.path)).toEqual([`/calendar/${thisYear}`, `/calendar/${thisYear + 1}`]);
  });

  it('says when a year has only the Labour Code’s holidays', async () => {
    serve(ME_SPECIALIST);
    renderPage(<CalendarPage />, { path: '/calendar', url: '/calendar?year=2030' });
    await screen.findByRole('heading', { name: 'Lịch làm việc năm 2030' });
    fireEvent.click(screen.getByRole('button', { name: 'Năm sau' }));
    expect(await screen.findByText('Ngày lễ theo Bộ luật Lao động (năm chưa công bố)')).toBeInTheDocument();
    expect(row('01/01/2031')).toHaveTextContent('Tết Dương lịch');
  });

  it('offers someone not an administrator no way to change the calendar', async () => {
    serve(ME_SPECIALIST, { year2026: Y2026_EDITED });
    renderPage(<CalendarPage />, { path: '/calendar', url: '/calendar?year=2026' });
    await screen.findByText('Đã điều chỉnh');
    expect(screen.queryByRole('button', { name: /Sửa lịch|Khôi phục mặc định|Thêm ngày|Sửa ngày|Xóa ngày/ })).toBeNull();
    expect(screen.getByText('Chỉ quản trị hệ thống được sửa lịch làm việc.')).toBeInTheDocument();
  });

  it('lets an administrator edit, delete and add days, then saves the whole list with the version read', async () => {
    const calls = serve(ME_ADMIN, { put: { body: Y2026_EDITED } });
    renderPage(<CalendarPage />, { path: '/calendar', url: '/calendar?year=2026' });
    await startEditing();

    let dialog = await openDayDialog(screen.getByRole('button', { name: 'Sửa ngày 02/01/2026' }), 'Sửa ngày');
    const name = within(dialog).getByLabelText('Tên ngày');
    expect(name).toHaveValue('Nghỉ hoán đổi');
    fireEvent.change(name, { target: { value: 'Nghỉ hoán đổi (làm bù ngày 10/01)' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(row('02/01/2026')).toHaveTextContent('Nghỉ hoán đổi (làm bù ngày 10/01)'));

    fireEvent.click(screen.getByRole('button', { name: 'Xóa ngày 31/08/2026' }));
    expect(screen.queryByText('31/08/2026')).toBeNull();

    dialog = await openDayDialog(screen.getByRole('button', { name: /Thêm ngày/ }), 'Thêm ngày nghỉ hoặc ngày làm bù');
    await pickDate(dialog, '2026-01-05');
    fireEvent.change(within(dialog).getByLabelText('Tên ngày'), { target: { value: ' Nghỉ bù Tết Dương lịch ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Thêm ngày' }));
    await waitFor(() => expect(row('05/01/2026')).toHaveTextContent('Thứ Hai'));

    fireEvent.click(screen.getByRole('button', { name: 'Lưu lịch' }));
    expect(await screen.findByText('Đã lưu lịch năm 2026.')).toBeInTheDocument();
    const put = calendarCalls(calls, 'PUT');
    expect(put).toHaveLength(1);
    expect(put[0].path).toBe('/calendar/2026');
    expect(put[0].headers['If-Match']).toBe(`"${Y2026.version}"`);
    const expected = [
      ...Y2026.days
        .filter((d) => d.date !== '2026-08-31')
        .map((d) => (d.date === '2026-01-02' ? { ...d, name: 'Nghỉ hoán đổi (làm bù ngày 10/01)' } : d)),
      { date: '2026-01-05', working: false, name: 'Nghỉ bù Tết Dương lịch' },
    ].sort((a, b) => a.date.localeCompare(b.date));
    expect(put[0].body).toEqual({ days: expected });
    // The answer is shown: the year is now an edited one, and editing is over.
    expect(await screen.findByText('Đã điều chỉnh')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lưu lịch' })).toBeNull();
  });

  it('refuses a weekday marked as worked before anything is sent', async () => {
    const calls = serve(ME_ADMIN);
    renderPage(<CalendarPage />, { path: '/calendar', url: '/calendar?year=2026' });
    await startEditing();
    const dialog = await openDayDialog(screen.getByRole('button', { name: /Thêm ngày/ }), 'Thêm ngày nghỉ hoặc ngày làm bù');
    await pickDate(dialog, '2026-01-05');
    fireEvent.click(within(dialog).getByLabelText('Ngày làm việc (làm bù)'));
    fireEvent.change(within(dialog).getByLabelText('Tên ngày'), { target: { value: 'Làm bù' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Thêm ngày' }));
    expect(await within(dialog).findByText('Ngày làm bù phải là thứ Bảy hoặc Chủ nhật')).toBeInTheDocument();
    expect(screen.queryByText('05/01/2026')).toBeNull();
    expect(calendarCalls(calls, 'PUT')).toHaveLength(0);
  });

  it('says when someone else changed the year meanwhile, and shows the year as it now is', async () => {
    const calls = serve(ME_ADMIN, { put: { status: 412, body: fx.calendarStale } });
    renderPage(<CalendarPage />, { path: '/calendar', url: '/calendar?year=2026' });
    await startEditing();
    fireEvent.click(screen.getByRole('button', { name: 'Xóa ngày 01/01/2026' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu lịch' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Lịch năm 2026 vừa được người khác thay đổi. Trang đã tải lại lịch mới nhất; vui lòng sửa lại.',
    );
    await waitFor(() => expect(calendarCalls(calls, 'GET')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Lưu lịch' })).toBeNull();
    expect(await screen.findByText('01/01/2026')).toBeInTheDocument();
  });

  it('shows what the server found wrong with the list, in words', async () => {
    serve(ME_ADMIN, { put: { status: 422, body: fx.calendarInvalid } });
    renderPage(<CalendarPage />, { path: '/calendar', url: '/calendar?year=2026' });
    await startEditing();
    fireEvent.click(screen.getByRole('button', { name: 'Xóa ngày 01/01/2026' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu lịch' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Danh sách ngày chưa hợp lệ');
    expect(alert).toHaveTextContent('Có ngày không thuộc năm đang sửa');
    expect(alert).toHaveTextContent('Ngày làm bù phải là thứ Bảy hoặc Chủ nhật');
    expect(alert).toHaveTextContent('Có ngày chưa nhập tên');
    // Still editing: nothing typed is lost. The button may still be settling out of its busy
    // state when the alert appears, so it is waited for.
    expect(await screen.findByRole('button', { name: 'Lưu lịch' })).toBeInTheDocument();
  });

  it('tells an administrator of a department that only the top-level agency may edit', async () => {
    serve(ME_ADMIN, { put: { status: 403, body: fx.calendarForbidden } });
    renderPage(<CalendarPage />, { path: '/calendar', url: '/calendar?year=2026' });
    await startEditing();
    fireEvent.click(screen.getByRole('button', { name: 'Xóa ngày 01/01/2026' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu lịch' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Chỉ quản trị viên của cơ quan cấp cao nhất (cấp tỉnh) được sửa lịch làm việc.',
    );
  });

  it('sends nothing when the list was not changed, so the year keeps following its default days', async () => {
    const calls = serve(ME_ADMIN, { put: { body: Y2026_EDITED } });
    renderPage(<CalendarPage />, { path: '/calendar', url: '/calendar?year=2026' });
    await startEditing();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu lịch' }));
    expect(await screen.findByText('Không có thay đổi nào để lưu.')).toBeInTheDocument();
    expect(calendarCalls(calls, 'PUT')).toHaveLength(0);
    expect(screen.getByText('Lịch nghỉ Chính phủ đã công bố')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lưu lịch' })).toBeNull();
  });

  it('returns an edited year to its default days once confirmed', async () => {
    const calls = serve(ME_ADMIN, { year2026: Y2026_EDITED, del: { body: fx.calendar2026Reset } });
    renderPage(<CalendarPage />, { path: '/calendar', url: '/calendar?year=2026' });
    await screen.findByText('Đã điều chỉnh');
    fireEvent.click(screen.getByRole('button', { name: /Khôi phục mặc định/ }));
    const confirm = await screen.findByRole('tooltip');
    expect(confirm).toHaveTextContent('Bỏ mọi điều chỉnh của năm 2026');
    expect(calendarCalls(calls, 'DELETE')).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Khôi phục mặc định' }));

    expect(await screen.findByText('Lịch nghỉ Chính phủ đã công bố')).toBeInTheDocument();
    const del = calendarCalls(calls, 'DELETE');
    expect(del).toHaveLength(1);
    expect(del[0].headers['If-Match']).toBe(`"${Y2026_EDITED.version}"`);
    expect(screen.queryByText('31/12/2026')).toBeNull();
  });
});
