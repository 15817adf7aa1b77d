// "Thêm nhanh nhiều nhiệm vụ": an editable table of rows, one POST /tasks per row; each row's
// errors are shown next to it, rows that were created are removed.
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, DatePicker, Input, Select, Space, Table, Tooltip, TreeSelect, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DeleteOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client';
import { createTask } from '../../api/tasks';
import type { Organization, Person, TaskCreate } from '../../api/types';
import { useT, type TFunction } from '../../i18n';
import { errorMessage, fieldErrorText } from '../../lib/formErrors';
import { fromIsoDate, labelFilter, toIsoDate } from '../../lib/format';
import { agencyOrgTree, orgPickerProps } from '../../lib/orgPicker';
import { useSubmit } from '../../lib/useSubmit';

export type BulkField = 'title' | 'lead_org_id' | 'deadline' | 'is_key' | 'leader_id';

export interface BulkRow {
  key: number;
  title: string;
  leadOrg?: number;
  deadline?: string;
  isKey: boolean;
  leader?: number;
  /** errors by field, from the API or the local check */
  fieldErrors?: Partial<Record<BulkField, string>>;
  /** an error not about one field */
  error?: string;
  saving?: boolean;
}

let nextKey = 1;
export function emptyRow(): BulkRow {
  nextKey += 1;
  return { key: nextKey, title: '', isKey: false };
}

function isBlank(r: BulkRow): boolean {
  return !r.title.trim() && r.leadOrg === undefined && !r.deadline && !r.isKey && r.leader === undefined;
}

const API_FIELD: Record<string, BulkField> = {
  title: 'title',
  lead_org_id: 'lead_org_id',
  deadline: 'deadline',
  deadline_label: 'deadline',
  is_key: 'is_key',
  leader_id: 'leader_id',
};

/** Turns an API refusal into a row's errors. */
export function rowErrorsFrom(e: unknown, t: TFunction): Pick<BulkRow, 'fieldErrors' | 'error'> {
  if (e instanceof ApiError && e.fields.length) {
    const fieldErrors: Partial<Record<BulkField, string>> = {};
    const other: string[] = [];
    for (const f of e.fields) {
      const target = API_FIELD[f.field];
      const text = fieldErrorText(t, f.code);
      if (target) fieldErrors[target] = fieldErrors[target] ? `${fieldErrors[target]}; ${text}` : text;
      else other.push(`${f.field}: ${text}`);
    }
    return { fieldErrors, error: other.length ? other.join('; ') : undefined };
  }
  return { error: errorMessage(e) };
}

interface Props {
  sourceId: number;
  organizations: Organization[];
  people: Person[];
  agencyId: number;
  /** Called after a submission that created at least one task. */
  onCreated: (count: number) => void;
  /** Rows to start with (default: three empty rows). */
  initialRows?: BulkRow[];
}

export function BulkAddTable({ sourceId, organizations, people, agencyId, onCreated, initialRows }: Props) {
  const t = useT();
  const [rows, setRows] = useState<BulkRow[]>(() => initialRows ?? [emptyRow(), emptyRow(), emptyRow()]);
  const [summary, setSummary] = useState<{ created: number; failed: number } | null>(null);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  const tree = useMemo(() => agencyOrgTree(organizations, agencyId), [organizations, agencyId]);
  const peopleOptions = useMemo(
    () =>
      people
        .filter((p) => p.active)
        .map((p) => ({ value: p.id, label: p.position ? `${p.full_name} – ${p.position}` : p.full_name })),
    [people],
  );

  const patch = (key: number, p: Partial<BulkRow>) =>
    setRows((rs) =>
      rs.map((r) => {
        if (r.key !== key) return r;
        const next = { ...r, ...p };
        // Editing a cell clears that cell's error.
        if (r.fieldErrors) {
          const fe = { ...r.fieldErrors };
          if ('title' in p) delete fe.title;
          if ('leadOrg' in p) delete fe.lead_org_id;
          if ('deadline' in p) delete fe.deadline;
          if ('isKey' in p) delete fe.is_key;
          if ('leader' in p) delete fe.leader_id;
          next.fieldErrors = Object.keys(fe).length ? fe : undefined;
        }
        return next;
      }),
    );

  /** Pasting several lines (e.g. a column copied from Excel) into a title fills several rows. */
  const onPasteTitle = (key: number, e: React.ClipboardEvent<HTMLTextAreaElement>) => {
    const text = e.clipboardData.getData('text');
    const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    if (lines.length < 2) return;
    e.preventDefault();
    setRows((rs) => {
      const i = rs.findIndex((r) => r.key === key);
      const out = [...rs];
      out[i] = { ...out[i], title: lines[0] };
      const extra = lines.slice(1).map((title) => ({ ...emptyRow(), title }));
      out.splice(i + 1, 0, ...extra);
      return out;
    });
  };

  const sending = useSubmit(async () => {
    setSummary(null);
    const todo = rowsRef.current.filter((r) => !isBlank(r));
    if (todo.length === 0) {
      setSummary({ created: 0, failed: 0 });
      return;
    }
    // Local check first: a title and a lead unit are required.
    const localErrors = new Map<number, Partial<Record<BulkField, string>>>();
    for (const r of todo) {
      const fe: Partial<Record<BulkField, string>> = {};
      if (!r.title.trim()) fe.title = t('bulk.titleRequired');
      if (r.leadOrg === undefined) fe.lead_org_id = t('bulk.leadRequired');
      if (Object.keys(fe).length) localErrors.set(r.key, fe);
    }
    setRows((rs) =>
      rs.map((r) => (isBlank(r) ? r : { ...r, fieldErrors: localErrors.get(r.key), error: undefined })),
    );
    const ready = todo.filter((r) => !localErrors.has(r.key));
    let created = 0;
    let failed = localErrors.size;
    for (const r of ready) {
      setRows((rs) => rs.map((x) => (x.key === r.key ? { ...x, saving: true } : x)));
      const body: TaskCreate = {
        source_id: sourceId,
        title: r.title.trim(),
        lead_org_id: r.leadOrg!,
        is_key: r.isKey,
      };
      if (r.deadline) body.deadline = r.deadline;
      if (r.leader !== undefined) body.leader_id = r.leader;
      try {
        await createTask(body);
        created += 1;
        setRows((rs) => rs.filter((x) => x.key !== r.key));
      } catch (e) {
        failed += 1;
        const errs = rowErrorsFrom(e, t);
        setRows((rs) => rs.map((x) => (x.key === r.key ? { ...x, ...errs, saving: false } : x)));
        if (e instanceof ApiError && (e.status === 401 || e.status === 0)) break;
      }
    }
    setRows((rs) => (rs.length ? rs : [emptyRow()]));
    setSummary({ created, failed });
    if (created > 0) onCreated(created);
  });
  const { busy } = sending;

  const rowNo = (r: BulkRow) => rows.findIndex((x) => x.key === r.key) + 1;

  /** The name of a row's cell for a screen reader: the column and the row's number. */
  const cellLabel = (r: BulkRow, label: string) => t('bulk.cellAria', { field: label, n: rowNo(r) });
  /** What every input of a row's cell has: its name, its error state, no edits while sending. */
  const cellProps = (r: BulkRow, f: BulkField, label: string) => ({
    'aria-label': cellLabel(r, label),
    status: r.fieldErrors?.[f] ? ('error' as const) : undefined,
    disabled: busy,
  });

  /** A column of one field: its input, and under it the error the API or the check found. */
  const fieldColumn = (
    f: BulkField,
    title: string,
    width: number,
    input: (r: BulkRow) => ReactNode,
    align?: 'center',
  ): NonNullable<TableProps<BulkRow>['columns']>[number] => ({
    title,
    key: f,
    width,
    align,
    render: (_, r) => (
      <>
        {input(r)}
        {r.fieldErrors?.[f] && (
          <div className="bulk-row-error" id={`bulk-${r.key}-${f}-err`} role="alert">
            {r.fieldErrors[f]}
          </div>
        )}
      </>
    ),
  });

  const columns: TableProps<BulkRow>['columns'] = [
    { title: '#', key: 'no', width: 44, render: (_, r) => rowNo(r) },
    fieldColumn('title', t('bulk.title'), 340, (r) => (
      <Input.TextArea
        {...cellProps(r, 'title', t('bulk.title'))}
        autoSize={{ minRows: 1, maxRows: 5 }}
        value={r.title}
        maxLength={1000}
        placeholder={t('bulk.titlePlaceholder')}
        aria-invalid={!!r.fieldErrors?.title}
        onChange={(e) => patch(r.key, { title: e.target.value })}
        onPaste={(e) => onPasteTitle(r.key, e)}
      />
    )),
    fieldColumn('lead_org_id', t('bulk.leadOrg'), 240, (r) => (
      <TreeSelect
        {...orgPickerProps}
        {...cellProps(r, 'lead_org_id', t('bulk.leadOrg'))}
        allowClear
        value={r.leadOrg}
        treeData={tree}
        placeholder={t('bulk.leadOrgPlaceholder')}
        onChange={(v: number | undefined) => patch(r.key, { leadOrg: v ?? undefined })}
        style={{ width: '100%' }}
      />
    )),
    fieldColumn('deadline', t('bulk.deadline'), 160, (r) => (
      <DatePicker
        {...cellProps(r, 'deadline', t('bulk.deadline'))}
        format="DD/MM/YYYY"
        value={fromIsoDate(r.deadline)}
        placeholder={t('task.ongoing')}
        onChange={(d) => patch(r.key, { deadline: toIsoDate(d) })}
        style={{ width: '100%' }}
      />
    )),
    fieldColumn(
      'is_key',
      t('bulk.isKey'),
      90,
      (r) => (
        <Checkbox
          checked={r.isKey}
          aria-label={cellLabel(r, t('bulk.isKey'))}
          onChange={(e) => patch(r.key, { isKey: e.target.checked })}
          disabled={busy}
        />
      ),
      'center',
    ),
    fieldColumn('leader_id', t('bulk.leader'), 240, (r) => (
      <Select<number>
        {...cellProps(r, 'leader_id', t('bulk.leader'))}
        showSearch
        allowClear
        value={r.leader}
        options={peopleOptions}
        placeholder={t('bulk.leaderPlaceholder')}
        filterOption={labelFilter}
        onChange={(v) => patch(r.key, { leader: v ?? undefined })}
        style={{ width: '100%' }}
        popupMatchSelectWidth={false}
      />
    )),
    {
      title: <span className="sr-only">{t('detail.actions')}</span>,
      key: 'remove',
      width: 56,
      render: (_, r) => (
        <Tooltip title={t('bulk.removeRow')}>
          <Button
            size="small"
            icon={<DeleteOutlined />}
            aria-label={t('bulk.removeRowAria', { n: rowNo(r) })}
            onClick={() => setRows((rs) => (rs.length > 1 ? rs.filter((x) => x.key !== r.key) : [emptyRow()]))}
            disabled={busy}
          />
        </Tooltip>
      ),
    },
  ];

  return (
    <div className="bulk-add">
      <Typography.Paragraph type="secondary">{t('bulk.help')}</Typography.Paragraph>
      <Table<BulkRow>
        className="bulk-table"
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1100 }}
        rowClassName={(r) => (r.error || r.fieldErrors ? 'bulk-row-failed' : '')}
        expandable={{
          expandedRowKeys: rows.filter((r) => r.error).map((r) => r.key),
          expandedRowRender: (r) => (
            <div className="bulk-row-error" role="alert" data-testid={`bulk-row-error-${rowNo(r)}`}>
              {t('bulk.rowFailed', { n: rowNo(r) })} {r.error}
            </div>
          ),
          showExpandColumn: false,
        }}
        summary={() => null}
      />
      <Space wrap style={{ marginTop: 12 }}>
        <Button icon={<PlusOutlined />} onClick={() => setRows((rs) => [...rs, emptyRow()])} disabled={busy}>
          {t('bulk.addRow')}
        </Button>
        <Button type="primary" icon={<SendOutlined />} loading={busy} onClick={() => void sending.run()}>
          {t('bulk.submit')}
        </Button>
      </Space>
      {summary && (
        <Alert
          style={{ marginTop: 12 }}
          showIcon
          role="status"
          type={summary.failed ? (summary.created ? 'warning' : 'error') : summary.created ? 'success' : 'info'}
          message={
            summary.created === 0 && summary.failed === 0
              ? t('bulk.nothing')
              : t('bulk.summary', { created: summary.created, failed: summary.failed })
          }
        />
      )}
    </div>
  );
}
