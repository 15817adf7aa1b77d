import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { IssuedReport, ReportComparison } from '../api/types';
import issued from '../test/fixtures/issued-reports.json';
import { ME_SPECIALIST, mockFetch, renderPage, type Call } from '../test/pagesHarness';
import ReportChangesPage from './ReportChangesPage';

// The demo's reports as the server compares them: September's (03) since August's in force (02),
// a task overdue in August completed late in September among what changed; October's replacement
// (05) since the report it replaced (04), a task overdue in it recorded completed meanwhile; the
// demo's August replacement (02), issued the next day from the same data, since the first (01);
// and that first, the first report of its kind.
const COMPARISONS = [issued.changes, issued.changesOfReplacement, issued.changesOfSameData, issued.changesOfFirst] as ReportComparison[];
const REPORTS = [issued.changesReport, issued.changesPrevious, issued.replacement, issued.issuedReplaced, issued.firstOfKind] as IssuedReport[];

function open(id: number) {
  const calls = mockFetch((c: Call) => {
    if (c.path === '/me') return { body: ME_SPECIALIST };
    const comparison = COMPARISONS.find((r) => c.path === `/reports/issued/${r.report.id}/changes`);
    if (comparison) return { body: comparison };
    const report = REPORTS.find((r) => c.path === `/reports/issued/${r.id}`);
    if (report) return { body: report };
    if (c.path.startsWith('/reports/issued/')) return { status: 404, body: issued.notFound };
    return undefined;
  });
  renderPage(<ReportChangesPage />, { path: '/reports/issued/:id/changes', url: `/reports/issued/${id}/changes` });
  return calls;
}

const loaded = () => screen.findByRole('heading', { level: 2, name: 'Thay đổi so với báo cáo trước' });
const facts = () => screen.getByText('Báo cáo này').closest('dl') as HTMLElement;
const figuresTable = () => screen.getByRole('table', { name: 'Số liệu từng nhóm trong báo cáo trước và báo cáo này' });

/** A figure of a group's row: before, now, and the mark of the change (its direction and words). */
function change(key: string, figure: 'due_completed_ratio' | 'overdue') {
  const cell = within(figuresTable()).getByTestId(`change-${key}`).querySelector(`td[data-figure="${figure}"]`) as HTMLElement;
  const mark = cell.querySelector('.cmp-mark');
  return {
    before: cell.querySelector('.cmp-before')?.textContent ?? null,
    now: cell.querySelector('.cmp-after')?.textContent,
    mark: mark ? { trend: mark.getAttribute('data-trend'), words: mark.textContent, good: mark.classList.contains('cmp-good'), bad: mark.classList.contains('cmp-bad') } : null,
  };
}

const list = (name: string) => screen.getByRole('region', { name });
const rowsOf = (region: HTMLElement) => within(region).queryAllByRole('row').slice(1);

describe('ReportChangesPage', () => {
  it('warns of the days neither report counted when the previous one was made before its period ended', async () => {
    // September's comparison as it would read had August's report been made on 28/08.
    const early = { ...(issued.changes as ReportComparison), uncovered_from: '2026-08-29', uncovered_to: '2026-08-31' };
    mockFetch((c: Call) => {
      if (c.path === '/me') return { body: ME_SPECIALIST };
      if (c.path === `/reports/issued/${early.report.id}/changes`) return { body: early };
      const report = REPORTS.find((r) => c.path === `/reports/issued/${r.id}`);
      return report ? { body: report } : undefined;
    });
    renderPage(<ReportChangesPage />, { path: '/reports/issued/:id/changes', url: `/reports/issued/${early.report.id}/changes` });
    await loaded();
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent('Báo cáo trước được lập trước khi kỳ của nó kết thúc: những ngày từ 29/8/2026 đến 31/8/2026 không báo cáo nào tính.');
    expect(note).toHaveTextContent('không có trong các danh sách dưới đây');
  });

  it('names the report and the one of the period before it is compared with, each a link', async () => {
    const calls = open(3);
    await loaded();
    expect(screen.getByText('Báo cáo số 03/BC-SGTVT · Tháng 9/2026 · Số liệu tính từ ngày 1/9/2026 đến ngày 30/9/2026')).toBeInTheDocument();
    const dl = facts();
    expect([...dl.querySelectorAll('div')].map((d) => d.textContent)).toEqual([
      'Báo cáo nàySố 03/BC-SGTVT ngày 08/10/2026 · Tháng 9/2026',
      'So với báo cáo kỳ trướcSố 02/BC-SGTVT ngày 11/09/2026 · Tháng 8/2026',
    ]);
    expect(within(dl).getByRole('link', { name: 'Số 03/BC-SGTVT ngày 08/10/2026' })).toHaveAttribute('href', '/reports/issued/3');
    expect(within(dl).getByRole('link', { name: 'Số 02/BC-SGTVT ngày 11/09/2026' })).toHaveAttribute('href', '/reports/issued/2');
    expect(screen.queryByRole('note')).toBeNull();
    // The comparison, this report and the one compared with (for the day its list stands at).
    expect(calls.filter((c) => c.path.startsWith('/reports/')).map((c) => c.path).sort()).toEqual(['/reports/issued/2', '/reports/issued/3', '/reports/issued/3/changes']);
  });

  it('gives each group’s “x/y” and overdue figures before and now, with which way each went in words, not in colour alone', async () => {
    open(3);
    await loaded();
    const table = figuresTable();
    // The whole agency, then the groups as the report names them: by source, key tasks first, then by unit.
    const names = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.querySelector('th')?.textContent);
    expect(names.slice(0, 7)).toEqual([
      'Tổng cộng',
      'Theo nguồn nhiệm vụ',
      'Chương trình công tác của cấp trên – nhiệm vụ trọng tâm',
      'Chương trình trọng tâm – nhiệm vụ trọng tâm',
      'Nhiệm vụ đột xuất – nhiệm vụ khác',
      'Kết luận cuộc họp – nhiệm vụ khác',
      'Theo đơn vị chủ trì',
    ]);
    expect(names.at(-1)).toBe('Sở Giao thông vận tải tỉnh Quảng Ngãi (cơ quan trực tiếp chủ trì)');
    expect(names).toContain('Phòng Quản lý chất lượng công trình giao thông');

    // 85 of 89 due tasks completed is a larger share than 75 of 80; one overdue fewer.
    expect(change('total', 'due_completed_ratio')).toEqual({ before: '75/80', now: '85/89', mark: { trend: 'up', words: '▲ tỷ lệ tăng', good: true, bad: false } });
    expect(change('total', 'overdue')).toEqual({ before: '5', now: '4', mark: { trend: 'down', words: '▼ giảm 1', good: true, bad: false } });
    expect(change('7', 'due_completed_ratio')).toMatchObject({ before: '04/06', now: '05/06', mark: { trend: 'up' } });
    // Nothing changed for the vehicle inspection centre.
    expect(change('10', 'due_completed_ratio')).toEqual({ before: '06/06', now: '06/06', mark: { trend: 'same', words: '= tỷ lệ không đổi', good: false, bad: false } });
    // All due tasks completed before and now: the share is the same, whatever the counts.
    expect(change('higher_program:true', 'due_completed_ratio')).toMatchObject({ before: '10/10', now: '12/12', mark: { trend: 'same', words: '= tỷ lệ không đổi' } });
    expect(change('10', 'overdue').mark).toMatchObject({ trend: 'same', words: '= không đổi' });
  });

  it('lists the tasks newly overdue, no longer overdue (as the report before had them), newly completed and newly assigned, each with its count', async () => {
    open(3);
    await loaded();
    const newlyOverdue = list('Nhiệm vụ mới quá hạn (0)');
    expect(within(newlyOverdue).getByText('Không có nhiệm vụ nào mới quá hạn.')).toBeInTheDocument();
    expect(within(newlyOverdue).queryByRole('table')).toBeNull();

    // Overdue in August, completed late in September: as August's report listed it, as of its end.
    const noLonger = list('Nhiệm vụ hết quá hạn (1)');
    expect(noLonger).toHaveTextContent('Có trong danh sách quá hạn của báo cáo số 02/BC-SGTVT, ghi như báo cáo đó đến ngày 31/8/2026; báo cáo này không còn ghi quá hạn.');
    const [was] = rowsOf(noLonger);
    expect(within(was).getByRole('link', { name: /^Thẩm định báo cáo kinh tế/ })).toHaveAttribute('href', '/tasks/51?as_of=2026-08-31');
    expect(was).toHaveTextContent('Quá hạn');
    expect(was).toHaveTextContent('6 ngày');
    expect(was).toHaveTextContent('25/08/2026');

    const completed = list('Nhiệm vụ mới hoàn thành (15)');
    expect(rowsOf(completed)).toHaveLength(15);
    const done = within(completed).getByTestId('task-51');
    expect(within(done).getByRole('link', { name: /^Thẩm định báo cáo kinh tế/ })).toHaveAttribute('href', '/tasks/51?as_of=2026-09-30');
    expect(done).toHaveTextContent('Hoàn thành trễ hạn');
    expect(done).toHaveTextContent('Hoàn thành ngày 12/09/2026');

    const assigned = list('Nhiệm vụ mới giao (5)');
    expect(assigned).toHaveTextContent('Giao trong kỳ của báo cáo này, không có trong số nhiệm vụ được giao của báo cáo số 02/BC-SGTVT.');
    expect(rowsOf(assigned)).toHaveLength(5);
    expect(within(assigned).getByTestId('task-123')).toHaveTextContent('Giao ngày 08/09/2026');
  });

  it('compares a replacement with the report it replaces: the task completed since no longer overdue', async () => {
    open(5);
    await loaded();
    expect(facts()).toHaveTextContent('So với báo cáo bị thay thếSố 04/BC-SGTVT ngày 24/11/2026 · Tháng 10/2026');
    expect(change('total', 'due_completed_ratio')).toMatchObject({ before: '90/94', now: '91/94', mark: { trend: 'up' } });
    expect(change('total', 'overdue')).toEqual({ before: '4', now: '3', mark: { trend: 'down', words: '▼ giảm 1', good: true, bad: false } });
    const task = issued.completedAfterIssue;
    expect(within(list('Nhiệm vụ hết quá hạn (1)')).getByTestId(`task-${task}`)).toHaveTextContent('Quá hạn');
    expect(within(list('Nhiệm vụ mới hoàn thành (1)')).getByTestId(`task-${task}`)).toHaveTextContent('Hoàn thành ngày 14/10/2026');
    expect(within(list('Nhiệm vụ mới giao (0)')).getByText('Không có nhiệm vụ nào mới giao.')).toBeInTheDocument();
  });

  it('says of a report issued again from the same data that nothing changed, every list empty and saying so', async () => {
    open(2);
    await loaded();
    const marks = [...figuresTable().querySelectorAll('.cmp-mark')].map((m) => m.textContent);
    expect(marks.length).toBe(2 * issued.changesOfSameData.figures.length);
    expect(new Set(marks)).toEqual(new Set(['= tỷ lệ không đổi', '= không đổi']));
    for (const [name, empty] of [
      ['Nhiệm vụ mới quá hạn (0)', 'Không có nhiệm vụ nào mới quá hạn.'],
      ['Nhiệm vụ hết quá hạn (0)', 'Không có nhiệm vụ nào hết quá hạn.'],
      ['Nhiệm vụ mới hoàn thành (0)', 'Không có nhiệm vụ nào mới hoàn thành.'],
      ['Nhiệm vụ mới giao (0)', 'Không có nhiệm vụ nào mới giao.'],
    ]) {
      const region = list(name);
      expect(within(region).getByText(empty)).toBeInTheDocument();
      expect(within(region).queryByRole('table')).toBeNull();
    }
  });

  it('says that the first report of its kind has nothing before it, and gives its figures and lists alone', async () => {
    const calls = open(1);
    await loaded();
    expect(screen.getByRole('note')).toHaveTextContent('Đây là báo cáo đầu tiên cùng loại kỳ: không có báo cáo trước để so sánh.');
    expect(facts()).toHaveTextContent('Báo cáo nàySố 01/BC-SGTVT ngày 10/09/2026 · Tháng 8/2026');
    expect(facts()).not.toHaveTextContent('So với');
    // No figures before, so no change to mark.
    expect(change('total', 'due_completed_ratio')).toEqual({ before: null, now: '75/80', mark: null });
    expect(change('total', 'overdue')).toEqual({ before: null, now: '5', mark: null });
    expect(within(figuresTable()).getAllByTitle('Không có báo cáo trước').length).toBeGreaterThan(0);
    // Everything of the period is new; nothing can have stopped being overdue.
    const overdue = list('Nhiệm vụ mới quá hạn (5)');
    expect(rowsOf(overdue)).toHaveLength(5);
    expect(overdue).not.toHaveTextContent('không có trong danh sách');
    expect(within(list('Nhiệm vụ hết quá hạn (0)')).getByText('Không có nhiệm vụ nào hết quá hạn.')).toBeInTheDocument();
    expect(rowsOf(list('Nhiệm vụ mới giao (6)'))).toHaveLength(6);
    expect(calls.filter((c) => c.path.startsWith('/reports/')).map((c) => c.path).sort()).toEqual(['/reports/issued/1', '/reports/issued/1/changes']);
  });

  it('says so of a report that is none, with the way back to the list', async () => {
    open(9999);
    expect(await screen.findByText('Không tìm thấy báo cáo đã ban hành này.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Về danh sách báo cáo đã ban hành' })).toHaveAttribute('href', '/reports/issued');
  });
});
