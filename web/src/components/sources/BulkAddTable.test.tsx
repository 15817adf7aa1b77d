import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Organization, Person } from '../../api/types';
import { I18nProvider } from '../../i18n';
import { mockFetch } from '../../test/pagesHarness';
import { AntdTestProviders } from '../../test/render';
import orgFixture from '../../test/fixtures/organizations.json';
import { BulkAddTable, emptyRow, type BulkRow } from './BulkAddTable';

const ORGS = orgFixture.items as Organization[];
const PEOPLE: Person[] = [
  {
    id: 1,
    organization_id: 2,
    organization_name: 'Sở Giao thông vận tải tỉnh Quảng Ngãi',
    full_name: 'Trần Quốc Bảo',
    position: 'Giám đốc',
    email: '',
    phone: '',
    active: true,
    version: 1,
    role: null,
  },
];

function row(p: Partial<BulkRow>): BulkRow {
  return { ...emptyRow(), ...p };
}

function setup(rows: BulkRow[]) {
  const onCreated = vi.fn();
  render(
    <I18nProvider lang="vi">
      <AntdTestProviders>
        <BulkAddTable
          sourceId={7}
          organizations={ORGS}
          people={PEOPLE}
          agencyId={2}
          onCreated={onCreated}
          initialRows={rows}
        />
      </AntdTestProviders>
    </I18nProvider>,
  );
  return onCreated;
}

function titles(): string[] {
  return [...document.querySelectorAll<HTMLTextAreaElement>('.bulk-table tbody textarea')].map((t) => t.value);
}

afterEach(() => vi.unstubAllGlobals());

describe('BulkAddTable', () => {
  it('posts one task per row, clears the rows created and shows each refusal next to its row', async () => {
    const calls = mockFetch((c) => {
      if (c.method !== 'POST' || c.path !== '/tasks') return undefined;
      const body = c.body as { title: string };
      if (body.title === 'Hạn sai')
        return {
          status: 422,
          body: {
            code: 'validation_failed',
            message: 'Dữ liệu không hợp lệ',
            fields: [{ field: 'deadline', code: 'before_assigned_on' }],
          },
        };
      if (body.title === 'Không có quyền')
        return { status: 403, body: { code: 'forbidden', message: 'Bạn không có quyền giao nhiệm vụ cho đơn vị này.' } };
      return { status: 201, body: { id: 100, ...body } };
    });
    const onCreated = setup([
      row({ title: 'Xây dựng kế hoạch', leadOrg: 4, deadline: '2026-12-31', isKey: true, leader: 1 }),
      row({ title: 'Hạn sai', leadOrg: 5, deadline: '2020-01-01' }),
      row({ title: 'Thiếu đơn vị' }),
      row({ title: 'Không có quyền', leadOrg: 6 }),
      row({}),
    ]);

    fireEvent.click(screen.getByText('Giao các nhiệm vụ'));

    await waitFor(() =>
      expect(document.querySelector('.ant-alert')).toHaveTextContent('Đã giao 1 nhiệm vụ; 3 dòng chưa giao được'),
    );

    // One POST per complete row, in order; the row without a lead unit is not sent.
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => (c.body as { title: string }).title)).toEqual(['Xây dựng kế hoạch', 'Hạn sai', 'Không có quyền']);
    expect(posts[0].body).toEqual({
      source_id: 7,
      title: 'Xây dựng kế hoạch',
      lead_org_id: 4,
      is_key: true,
      deadline: '2026-12-31',
      leader_id: 1,
    });
    expect(posts[1].body).toEqual({ source_id: 7, title: 'Hạn sai', lead_org_id: 5, is_key: false, deadline: '2020-01-01' });
    expect(onCreated).toHaveBeenCalledWith(1);

    // The created row is gone; the refused rows and the empty row stay, in order.
    expect(titles()).toEqual(['Hạn sai', 'Thiếu đơn vị', 'Không có quyền', '']);

    // The field error sits in the row's deadline cell, the local check in the lead unit cell,
    // the refusal without fields under its row.
    const rows = [...document.querySelectorAll('.bulk-table tbody tr.ant-table-row')];
    expect(rows[0]).toHaveTextContent('Không được trước ngày giao');
    expect(rows[0].className).toContain('bulk-row-failed');
    expect(rows[1]).toHaveTextContent('Vui lòng chọn đơn vị chủ trì');
    expect(rows[3]).not.toHaveTextContent(/Vui lòng|Không được/);
    expect(screen.getByTestId('bulk-row-error-3')).toHaveTextContent(
      'Dòng 3 chưa giao được: Bạn không có quyền giao nhiệm vụ cho đơn vị này.',
    );

    // Editing a cell clears that cell's error.
    const area = document.querySelectorAll<HTMLTextAreaElement>('.bulk-table tbody textarea')[1];
    fireEvent.change(area, { target: { value: 'Thiếu đơn vị (sửa)' } });
    expect(rows[1]).toHaveTextContent('Vui lòng chọn đơn vị chủ trì');
  });

  it('asks for a title when only other cells are filled', async () => {
    const calls = mockFetch(() => undefined);
    setup([row({ leadOrg: 4 })]);
    fireEvent.click(screen.getByText('Giao các nhiệm vụ'));
    await screen.findByText('Vui lòng nhập tên nhiệm vụ');
    expect(calls).toHaveLength(0);
  });

  it('fills several rows when several lines are pasted into a title', async () => {
    mockFetch(() => undefined);
    setup([row({})]);
    const area = document.querySelector<HTMLTextAreaElement>('.bulk-table tbody textarea')!;
    fireEvent.paste(area, { clipboardData: { getData: () => 'Việc một\r\nViệc hai\n\nViệc ba\n' } });
    await waitFor(() => expect(titles()).toEqual(['Việc một', 'Việc hai', 'Việc ba']));
  });
});
