// The rows of the file as the tasks they become, a page at a time: each with what the file wrote
// where it matters, and its errors and warnings in words beside it (on a phone under its text, so
// that they are on the screen without scrolling sideways). Group headings span the row.
import type { ReactNode } from 'react';
import { Grid, Pagination, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { CloseCircleFilled, WarningFilled } from '@ant-design/icons';
import type { ImportRow, ImportUnit } from '../../api/types';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { problemText } from '../../lib/imports';
import { TableScroll } from '../TableScroll';

export const IMPORT_PAGE_SIZES = [20, 50, 100, 200];

/** A name the file writes that the server matched to no unit or leader of the agency. */
function UnknownName({ written }: { written: string }) {
  const t = useT();
  return (
    <span className="imp-unknown">
      {written} ({t('imp.rows.unknown')})
    </span>
  );
}

function UnitName({ unit }: { unit: ImportUnit }) {
  const t = useT();
  if (!unit.organization) return <UnknownName written={unit.written} />;
  return (
    <>
      <span>{unit.organization.name}</span>
      {unit.written && unit.written !== unit.organization.name && (
        <div className="imp-meta">{t('imp.rows.written', { text: unit.written })}</div>
      )}
    </>
  );
}

/** The deadline the task will have: a period's name with its last day under it, a day, "Thường xuyên"; else what the file wrote. */
function Deadline({ row }: { row: ImportRow }) {
  if (!row.deadline) return <>{row.deadline_label || row.deadline_written || '—'}</>;
  if (!row.deadline_label) return <>{formatDate(row.deadline)}</>;
  return (
    <>
      {row.deadline_label}
      <div className="imp-meta">{formatDate(row.deadline)}</div>
    </>
  );
}

/** The row's errors and warnings; "Hợp lệ" for a task without any, unless `quiet`. */
function Problems({ row, canPick, quiet = false }: { row: ImportRow; canPick: boolean; quiet?: boolean }) {
  const t = useT();
  if (!row.errors.length && !row.warnings.length) {
    // A heading that stays a label is nothing to check.
    return row.becomes_task && !quiet ? <span className="imp-ok">{t('imp.rows.ok')}</span> : null;
  }
  return (
    <ul className="imp-problems">
      {row.errors.map((p) => (
        <li key={`e-${p.field}-${p.code}`} className="imp-error">
          <CloseCircleFilled aria-label={t('imp.rows.error')} /> {problemText(t, p, row, canPick)}
        </li>
      ))}
      {row.warnings.map((p) => (
        <li key={`w-${p.field}-${p.code}`} className="imp-warning">
          <WarningFilled aria-label={t('imp.rows.warning')} /> {problemText(t, p, row, canPick)}
        </li>
      ))}
    </ul>
  );
}

function TitleCell({ row }: { row: ImportRow }) {
  const t = useT();
  return (
    <>
      <div>{row.title}</div>
      {row.content && (
        <details className="imp-meta">
          <summary>{t('imp.rows.fullText')}</summary>
          <div className="imp-full-text">{row.content}</div>
        </details>
      )}
      {row.parent_row !== null && <div className="imp-meta">{t('imp.rows.child', { n: row.parent_row })}</div>}
      {row.leader_written && (
        <div className="imp-meta">
          {t('imp.field.leader')}: {row.leader ? row.leader.name : <UnknownName written={row.leader_written} />}
        </div>
      )}
      {(row.is_key || !row.becomes_task) && (
        <div>
          {row.is_key && <Tag color="gold">{t('imp.rows.key')}</Tag>}
          {!row.becomes_task && <Tag>{t(row.existing_task_id !== null ? 'imp.rows.existing' : 'imp.rows.skipped')}</Tag>}
        </div>
      )}
      {row.existing_task_id !== null && (
        <div className="imp-meta">
          <Link to={`/tasks/${row.existing_task_id}`}>{t('imp.rows.openExisting', { id: row.existing_task_id })}</Link>
        </div>
      )}
    </>
  );
}

function rowClass(row: ImportRow): string {
  const classes = [row.heading ? 'imp-heading-row' : 'imp-task-row'];
  if (row.errors.length) classes.push('imp-row-error');
  else if (row.warnings.length) classes.push('imp-row-warning');
  return classes.join(' ');
}

function Row({ row, narrow, canPick }: { row: ImportRow; narrow: boolean; canPick: boolean }) {
  const t = useT();
  const deadlineError = row.errors.some((p) => p.field === 'deadline');
  let cells: ReactNode;
  if (row.heading) {
    cells = (
      <td colSpan={5} className="imp-heading">
        <strong>{row.title}</strong>{' '}
        <Tag color={row.becomes_task ? 'blue' : undefined}>
          {t(row.becomes_task ? 'imp.rows.parentTask' : row.existing_task_id !== null ? 'imp.rows.existing' : 'imp.rows.heading')}
        </Tag>
        {row.existing_task_id !== null && (
          <Link className="imp-meta" to={`/tasks/${row.existing_task_id}`}>
            {t('imp.rows.openExisting', { id: row.existing_task_id })}
          </Link>
        )}
        {narrow && <Problems row={row} canPick={canPick} quiet />}
      </td>
    );
  } else {
    cells = (
      <>
        <td className="imp-col-title">
          <TitleCell row={row} />
          {narrow && <Problems row={row} canPick={canPick} quiet />}
        </td>
        <td className="imp-col-unit">{row.lead ? <UnitName unit={row.lead} /> : '—'}</td>
        <td className="imp-col-unit">
          {row.cooperating.length
            ? row.cooperating.map((u, i) => (
                <div key={i}>
                  <UnitName unit={u} />
                </div>
              ))
            : '—'}
        </td>
        <td className={deadlineError ? 'imp-col-deadline imp-unknown' : 'imp-col-deadline'}>
          <Deadline row={row} />
        </td>
        <td className="imp-col-product">{row.product || '—'}</td>
      </>
    );
  }
  return (
    <tr className={rowClass(row)} data-testid={`row-${row.row}`}>
      <th scope="row" className="imp-col-row">
        {row.row}
      </th>
      <td className="imp-col-number">{row.number}</td>
      {cells}
      {!narrow && (
        <td className="imp-col-check">
          <Problems row={row} canPick={canPick} />
        </td>
      )}
    </tr>
  );
}

interface Props {
  rows: readonly ImportRow[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  problemsOnly: boolean;
  /** The user may still pick units for the import: the warnings may ask them to. */
  canPick: boolean;
  onPage: (page: number, pageSize: number) => void;
}

export function ImportRowsTable({ rows, total, page, pageSize, loading, problemsOnly, canPick, onPage }: Props) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const caption = t('imp.rows.caption');
  if (!loading && rows.length === 0) {
    return <p className="imp-empty">{t(problemsOnly ? 'imp.rows.emptyProblems' : 'imp.rows.empty')}</p>;
  }
  return (
    <div className={loading ? 'imp-rows imp-rows-busy' : 'imp-rows'} aria-busy={loading || undefined}>
      <TableScroll label={caption}>
        <table className={narrow ? 'gb-table imp-table imp-table-narrow' : 'gb-table imp-table'}>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="imp-col-row">
                {t('imp.rows.row')}
              </th>
              <th scope="col" className="imp-col-number">
                {t('imp.rows.number')}
              </th>
              <th scope="col" className="imp-col-title">
                {t('imp.rows.title')}
              </th>
              <th scope="col">{t('imp.rows.lead')}</th>
              <th scope="col">{t('imp.rows.cooperating')}</th>
              <th scope="col">{t('imp.rows.deadline')}</th>
              <th scope="col">{t('imp.rows.product')}</th>
              {!narrow && (
                <th scope="col" className="imp-col-check">
                  {t('imp.rows.check')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Row key={row.row} row={row} narrow={narrow} canPick={canPick} />
            ))}
          </tbody>
        </table>
      </TableScroll>
      {total > pageSize && (
        <Pagination
          className="imp-pager"
          current={page}
          pageSize={pageSize}
          total={total}
          showSizeChanger
          pageSizeOptions={IMPORT_PAGE_SIZES.map(String)}
          showTotal={(tot, [from, to]) => t('imp.rows.pageTotal', { from, to, total: tot })}
          onChange={(p, s) => onPage(s !== pageSize ? 1 : p, s)}
          responsive
        />
      )}
    </div>
  );
}
