import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, DatePicker, Empty, Popconfirm, Space } from 'antd';
import { BellOutlined, FileTextOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { UnitReportBoard, UnitReportStanding } from '../api/types';
import { openUnitReport, getUnitReportBoard, remindUnit } from '../api/unitReports';
import { useUser } from '../auth/AuthProvider';
import { LoadErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { PageSpinner } from '../components/PageSpinner';
import { TableScroll } from '../components/TableScroll';
import { Lateness, ReportStateTag } from '../components/unitReports/ReportStateTag';
import { useT } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { formatDate, todayIso } from '../lib/format';
import { isMonthKey, monthOf, previousMonthKey } from '../lib/period';
import { isHandedIn, periodWindowText, reportPath } from '../lib/unitReports';
import { useLoad } from '../lib/useLoad';
import { useSubmit } from '../lib/useSubmit';
import '../styles/pages.css';
import '../styles/unitReports.css';

function BoardCounts({ board }: { board: UnitReportBoard }) {
  const t = useT();
  const handedIn = board.units.filter((u) => isHandedIn(u.state)).length;
  const late = board.units.filter((u) => u.working_days_late > 0).length;
  return (
    <Space size={16} wrap className="ur-counts" role="status">
      <span>{t('ur.board.submitted', { count: handedIn, total: board.units.length })}</span>
      <span className={late > 0 ? 'ur-late' : undefined}>{t('ur.board.late', { count: late })}</span>
    </Space>
  );
}

interface RowProps {
  unit: UnitReportStanding;
  period: string;
  canRemind: boolean;
  opening: boolean;
  onOpen: (unit: UnitReportStanding) => void;
}

function RemindButton({ unit, period }: { unit: UnitReportStanding; period: string }) {
  const t = useT();
  const { message } = App.useApp();
  const name = unit.organization.name;
  const remind = useSubmit(async () => {
    const result = await remindUnit(unit.organization.id, period);
    message.success(t('ur.reminded', { count: result.notified }));
  });
  return (
    <>
      <Popconfirm
        title={t('ur.remind')}
        description={<div className="ur-confirm">{t('ur.remindConfirm', { unit: name, ...monthOf(period) })}</div>}
        okText={t('ur.remind')}
        cancelText={t('common.cancel')}
        onConfirm={() => remind.run()}
      >
        <Button size="small" icon={<BellOutlined />} loading={remind.busy} aria-label={t('ur.remindLabel', { unit: name })}>
          {t('ur.remind')}
        </Button>
      </Popconfirm>
      {remind.error && (
        <div role="alert" className="ur-row-error">
          {remind.error}
        </div>
      )}
    </>
  );
}

function BoardRow({ unit, period, canRemind, opening, onOpen }: RowProps) {
  const t = useT();
  const name = unit.organization.name;
  return (
    <tr data-testid={`unit-${unit.organization.id}`}>
      <th scope="row" className="gb-col-name">
        <Button type="link" className="ur-unit-link" disabled={opening} onClick={() => onOpen(unit)} aria-label={t('ur.board.open', { unit: name })}>
          {name}
        </Button>
      </th>
      <td>
        <ReportStateTag state={unit.state} />
      </td>
      <td>{formatDate(unit.first_submitted_on, '')}</td>
      <td>
        <Lateness days={unit.working_days_late} />
      </td>
      {canRemind && <td className="no-print">{!isHandedIn(unit.state) && <RemindButton unit={unit} period={period} />}</td>}
    </tr>
  );
}

function BoardTable({ board, opening, onOpen }: { board: UnitReportBoard; opening: boolean; onOpen: RowProps['onOpen'] }) {
  const t = useT();
  if (board.units.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ur.board.empty')} />;
  return (
    <TableScroll label={t('ur.board.table')}>
      <table className="gb-table ur-table ur-board">
        <caption className="sr-only">{t('ur.board.table')}</caption>
        <thead>
          <tr>
            <th scope="col" className="gb-col-name">
              {t('ur.board.unit')}
            </th>
            <th scope="col">{t('ur.board.state')}</th>
            <th scope="col">{t('ur.board.submittedOn')}</th>
            <th scope="col">{t('ur.board.lateness')}</th>
            {board.can_remind && (
              <th scope="col" className="no-print">
                <span className="sr-only">{t('ur.remind')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {board.units.map((u) => (
            <BoardRow key={u.organization.id} unit={u} period={board.period} canRemind={board.can_remind} opening={opening} onOpen={onOpen} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The units' monthly reports: the month, and where each unit's report for it stands. */
export default function UnitReportsPage() {
  const t = useT();
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const asked = params.get('period');
  const period = isMonthKey(asked) ? asked : previousMonthKey(todayIso());
  const loaded = useLoad((signal) => getUnitReportBoard(period, signal), [period]);
  const board = loaded.data?.period === period ? loaded.data : undefined;
  usePageTitle(t('page.unitReports'));

  const open = useSubmit(async (unit: UnitReportStanding) => {
    const report = await openUnitReport(unit.organization.id, period);
    navigate(reportPath(report), { state: report.id === 0 ? { preview: report } : undefined });
  });

  const myUnit = useMemo(
    () => (user.role === 'unit_head' ? board?.units.find((u) => u.organization.id === user.organization_id) : undefined),
    [board, user],
  );

  return (
    <div className="gb-pages ur-page">
      <PageHeader
        title={t('page.unitReports')}
        subtitle={board ? `${t('ur.due', { date: formatDate(board.due_on) })}, ${periodWindowText(t, board)}` : undefined}
        actions={
          myUnit && (
            <Button type="primary" icon={<FileTextOutlined />} loading={open.busy} onClick={() => void open.run(myUnit)}>
              {t('ur.board.mine')}
            </Button>
          )
        }
      />
      <Space wrap className="pages-toolbar no-print" size={12}>
        <label htmlFor="ur-month">{t('ur.board.month')}</label>
        <DatePicker
          id="ur-month"
          picker="month"
          format="MM/YYYY"
          allowClear={false}
          value={dayjs(`${period}-01`)}
          onChange={(d) => d && setParams({ period: d.format('YYYY-MM') })}
        />
      </Space>
      <LoadErrorAlert load={loaded} />
      {open.error && <Alert type="error" showIcon role="alert" className="ur-block" message={open.error} />}
      {!board && loaded.loading && <PageSpinner />}
      {board && (
        <>
          <BoardCounts board={board} />
          <BoardTable board={board} opening={open.busy} onOpen={(u) => void open.run(u)} />
        </>
      )}
    </div>
  );
}
