import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me } from '../api/types';
import fx from '../test/apiFixtures.json';
import { ME_LEADER, ME_SPECIALIST, mockFetch, renderPage } from '../test/pagesHarness';
import SourcesPage from './SourcesPage';

const SOURCE = fx.source5;

/** The demo's sources, searched by document number; a new source is created, an edit is too late. */
function serve(me: Me) {
  return mockFetch((c) => {
    if (c.path === '/me') return { body: me };
    if (c.path === '/sources' && c.method === 'GET') {
      const q = c.query.get('q') ?? '';
      const kind = c.query.get('kind');
      return { body: { items: fx.sources.items.filter((s) => s.doc_number.includes(q) && (!kind || s.kind === kind)) } };
    }
    if (c.path === '/sources' && c.method === 'POST') return { status: 201, body: fx.sourceCreated };
    if (c.path === `/sources/${SOURCE.id}` && c.method === 'PATCH') return { status: 412, body: fx.sourceStale };
    return undefined;
  });
}

const listCalls = (calls: ReturnType<typeof serve>) => calls.filter((c) => c.path === '/sources' && c.method === 'GET');

describe('SourcesPage', () => {
  it('lists the sources with links to each and to its tasks', async () => {
    serve(ME_LEADER);
    renderPage(<SourcesPage />, { path: '/sources' });
    const title = await screen.findByRole('link', { name: SOURCE.title });
    expect(title).toHaveAttribute('href', `/sources/${SOURCE.id}`);
    const row = title.closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('512/UBND-KTN');
    expect(row).toHaveTextContent('15/03/2026');
    expect(within(row).getByRole('link', { name: `${SOURCE.task_count} nhiệm vụ của ${SOURCE.title}; mở danh sách` })).toHaveAttribute(
      'href',
      `/tasks?source=${SOURCE.id}`,
    );
    expect(screen.getAllByRole('link', { name: /mở danh sách$/ })).toHaveLength(fx.sources.items.length);
  });

  it('asks the server for what is typed in the search box', async () => {
    const calls = serve(ME_LEADER);
    renderPage(<SourcesPage />, { path: '/sources' });
    await screen.findByRole('link', { name: SOURCE.title });
    fireEvent.change(screen.getByRole('textbox', { name: /^Tìm theo số/ }), { target: { value: ' 512/UBND ' } });
    await waitFor(() => expect(listCalls(calls).at(-1)?.query.get('q')).toBe('512/UBND'));
    // 512/UBND-KTN and 4512/UBND-KTN
    const found = fx.sources.items.filter((s) => s.doc_number.includes('512/UBND'));
    expect(found).toHaveLength(2);
    await waitFor(() => expect(screen.getAllByRole('link', { name: /mở danh sách$/ })).toHaveLength(found.length));
    expect(screen.getByRole('link', { name: SOURCE.title })).toBeInTheDocument();
  });

  it('creates a source and opens it', async () => {
    const calls = serve(ME_LEADER);
    // a search that finds nothing yet: the dialog is what matters here, not a long list behind it
    renderPage(<SourcesPage />, { path: '/sources', url: `/sources?q=${fx.sourceCreated.doc_number}` });
    fireEvent.click(await screen.findByRole('button', { name: /Thêm nguồn nhiệm vụ/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Thêm nguồn nhiệm vụ' });
    fireEvent.change(within(dialog).getByLabelText('Tên chương trình, văn bản'), {
      target: { value: ` ${fx.sourceCreated.title} ` },
    });
    fireEvent.change(within(dialog).getByLabelText('Số, ký hiệu'), { target: { value: fx.sourceCreated.doc_number } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Thêm nguồn' }));

    expect(await screen.findByTestId('location')).toHaveTextContent(`/sources/${fx.sourceCreated.id}`);
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      kind: 'key_program',
      title: fx.sourceCreated.title,
      doc_number: fx.sourceCreated.doc_number,
    });
  });

  it('says when someone else changed the source being edited', async () => {
    const calls = serve(ME_LEADER);
    renderPage(<SourcesPage />, { path: '/sources', url: `/sources?q=${SOURCE.doc_number}` });
    fireEvent.click(await screen.findByRole('button', { name: `Sửa nguồn ${SOURCE.title}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa thông tin nguồn nhiệm vụ' });
    const title = within(dialog).getByLabelText('Tên chương trình, văn bản');
    expect(title).toHaveValue(SOURCE.title);
    fireEvent.change(title, { target: { value: 'Công văn 512/UBND-KTN về kiểm soát tải trọng xe' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Nguồn nhiệm vụ vừa được người khác sửa. Vui lòng đóng hộp thoại, tải lại trang rồi sửa lại.',
    );
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({ title: 'Công văn 512/UBND-KTN về kiểm soát tải trọng xe' });
    expect(patch?.headers['If-Match']).toBe(`"${SOURCE.version}"`);
  });

  it('offers a specialist no way to add or edit', async () => {
    serve(ME_SPECIALIST);
    renderPage(<SourcesPage />, { path: '/sources' });
    await screen.findByRole('link', { name: SOURCE.title });
    expect(screen.queryByRole('button', { name: /Thêm nguồn|Sửa nguồn/ })).toBeNull();
  });
});
