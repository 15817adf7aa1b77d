import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { Task } from '../api/types';
import { mockApi } from '../test/mockApi';
import { renderPage } from '../test/pagesHarness';
import { organizations, people, sources } from '../test/fixtures';
import fx from '../test/apiFixtures.json';
import TaskPage from './TaskPage';

afterEach(() => vi.unstubAllGlobals());

function renderTask(me: unknown, task: { id: number }, history: unknown, query = '') {
  const calls = mockApi({
    '/me': me,
    [`/tasks/${task.id}`]: task,
    [`/tasks/${task.id}/history`]: history,
    '/organizations': { items: organizations },
    '/people': { items: people },
    '/sources': { items: sources },
  });
  renderPage(<TaskPage />, { path: '/tasks/:id', url: `/tasks/${task.id}${query}` });
  return calls;
}

/**
 * A recorded task as if imported from a work program: the recorded tasks were made otherwise, so
 * the place its program's row gave it is added here (its shape as the server answers it).
 */
function imported(task: object, place: NonNullable<Task['program_place']>) {
  return { ...(task as Task), program_place: place };
}

const PLACE: NonNullable<Task['program_place']> = {
  import_id: 31,
  number: '3',
  headings: ['II. LĨNH VỰC VẬN TẢI', '1. Vận tải đường bộ'],
  note: 'Phối hợp kiểm tra liên ngành theo kế hoạch của tỉnh',
  outside_units: 'UBND các huyện, thành phố, Công an tỉnh',
};

/** The value beside a label of the task's general information. */
function field(label: string) {
  const cell = screen.getByText(label, { selector: 'th > span' }).closest('th')?.nextElementSibling;
  if (!(cell instanceof HTMLElement)) throw new Error(`no value beside ${label}`);
  return cell;
}

describe('TaskPage (real API data)', () => {
  it('shows every field, the extension and the history to a leader with the leader’s actions', async () => {
    renderTask(fx.leaderMe, fx.task89, fx.history89);
    expect(await screen.findByRole('heading', { name: /Tổ chức kiểm tra, xử lý xe quá tải/ })).toBeInTheDocument();
    expect(screen.getAllByText('Quá hạn').length).toBeGreaterThan(0);
    expect(screen.getByText('Thanh tra Sở')).toBeInTheDocument();
    expect(screen.getByText('Phòng Quản lý vận tải, phương tiện và người lái')).toBeInTheDocument();
    expect(screen.getByText('Phan Văn Lợi; Trần Thị Bích Ngọc')).toBeInTheDocument();
    expect(screen.getByText(/512\/UBND-KTN ngày 15\/03\/2026/)).toBeInTheDocument();
    expect(screen.getByText(/hạn ban đầu 16\/04\/2026, hạn hiện tại 14\/05\/2026/)).toBeInTheDocument();
    // the leader may cancel, complete, ask for an explanation and edit; not request an extension
    expect(screen.getByRole('button', { name: /Hủy nhiệm vụ/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Xác nhận hoàn thành/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Yêu cầu giải trình/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Đề nghị gia hạn/ })).not.toBeInTheDocument();
    const tabs = screen.getByRole('tablist');
    expect(within(tabs).getByText(/Báo cáo tiến độ \(\d+\)/)).toBeInTheDocument();
    expect(within(tabs).getByText('Gia hạn (1)')).toBeInTheDocument();
    // Not imported from a program: no place in one.
    expect(screen.queryByText('Vị trí trong chương trình')).toBeNull();
    expect(screen.queryByTestId('program-place')).toBeNull();
  });

  it('shows an imported task’s place in its program, with the way to the import for a leader', async () => {
    renderTask(fx.leaderMe, imported(fx.task89, PLACE), fx.history89);
    const place = await screen.findByTestId('program-place');
    // Beside the source, under its label.
    expect(place.closest('tr')).toHaveTextContent(/^Vị trí trong chương trình/);
    const path = within(place).getByRole('list');
    expect(within(path).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['II. LĨNH VỰC VẬN TẢI', '1. Vận tải đường bộ']);
    expect(path.closest('.program-place-line')).toHaveTextContent(/^Thuộc mục:/);
    expect(within(place).getByText('STT:').parentElement).toHaveTextContent('STT: 3');
    expect(within(place).getByText('Ghi chú:').parentElement).toHaveTextContent('Ghi chú: Phối hợp kiểm tra liên ngành theo kế hoạch của tỉnh');
    expect(within(place).getByText('Cơ quan phối hợp bên ngoài:').parentElement).toHaveTextContent(
      'Cơ quan phối hợp bên ngoài: UBND các huyện, thành phố, Công an tỉnh',
    );
    expect(within(place).getByRole('link', { name: 'Xem lần nhập chương trình từ tệp' })).toHaveAttribute('href', '/imports/31');
    // The cooperating units of the agency first, then the bodies outside it as the program wrote them.
    const cooperating = field('Đơn vị phối hợp');
    expect([...cooperating.querySelectorAll('div')].map((c) => c.textContent)).toEqual([
      'Phòng Quản lý vận tải, phương tiện và người lái',
      'UBND các huyện, thành phố, Công an tỉnh (ngoài cơ quan)',
    ]);
  });

  it('counts the bodies outside the agency as cooperating when no unit of the agency is', async () => {
    renderTask(fx.specialistMe, imported(fx.task43specialist, { ...PLACE, outside_units: 'Sở Tài chính, UBND các huyện, thành phố' }), { items: [] });
    await screen.findByTestId('program-place');
    expect(fx.task43specialist.cooperators).toEqual([]);
    expect(field('Đơn vị phối hợp')).toHaveTextContent(/^Sở Tài chính, UBND các huyện, thành phố \(ngoài cơ quan\)$/);
  });

  it('shows a specialist only what the program wrote, without the way to the import, and leaves out what it did not write', async () => {
    renderTask(fx.specialistMe, imported(fx.task43specialist, { ...PLACE, headings: [], note: '', outside_units: '' }), { items: [] });
    const place = await screen.findByTestId('program-place');
    expect(place).toHaveTextContent(/^STT: 3$/);
    expect(within(place).queryByRole('list')).toBeNull();
    expect(within(place).queryByRole('link')).toBeNull();
    expect(screen.queryByText('Ghi chú:')).toBeNull();
    expect(screen.queryByText('Cơ quan phối hợp bên ngoài:')).toBeNull();
    // Neither the agency's units nor bodies outside it: no one cooperates.
    expect(field('Đơn vị phối hợp')).toHaveTextContent(/^—$/);
  });

  it('offers a specialist only what the permissions allow', async () => {
    renderTask(fx.specialistMe, fx.task43specialist, { items: [] });
    expect(await screen.findByRole('heading', { name: /ĐT.623C/ })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /Báo cáo tiến độ/ }).length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: /Đề nghị gia hạn/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Hủy nhiệm vụ/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Xác nhận hoàn thành/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sửa/ })).not.toBeInTheDocument();
  });

  it('shows a past date as it stood then, says what is left out, and offers no actions', async () => {
    const past = { ...fx.task89, as_of: '2026-04-01', later_facts: 3 };
    const calls = renderTask(fx.leaderMe, past, fx.history89, '?as_of=2026-04-01');
    expect(await screen.findByRole('heading', { name: /Tổ chức kiểm tra, xử lý xe quá tải/ })).toBeInTheDocument();
    expect(screen.getByText(/Đang xem nhiệm vụ như tại ngày 01\/04\/2026/)).toBeInTheDocument();
    expect(screen.getByText(/Có 3 sự việc ghi ngày sau ngày này/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Xem đến hôm nay' })).toHaveAttribute('href', '/tasks/89');
    expect(screen.queryByRole('button', { name: /Hủy nhiệm vụ/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Xác nhận hoàn thành/ })).not.toBeInTheDocument();
    // The history is asked for the same date as the task.
    const history = calls.find((c) => c.url.pathname.endsWith('/tasks/89/history'));
    expect(history?.url.searchParams.get('as_of')).toBe('2026-04-01');
  });
});
