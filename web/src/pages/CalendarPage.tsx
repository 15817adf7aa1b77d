import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, DatePicker, Empty, Grid, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DeleteOutlined, EditOutlined, LeftOutlined, PlusOutlined, RightOutlined, UndoOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { getCalendarYear, resetCalendarYear, setCalendarYear } from '../api/calendar';
import { ApiError } from '../api/client';
import type { CalendarDay } from '../api/types';
import { useUser } from '../auth/AuthProvider';
import { CalendarDayModal, weekdayOf } from '../components/calendar/CalendarDayModal';
import { LoadErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { PrintButton } from '../components/PrintButton';
import { useT, type MessageKey } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { formatDate, todayIso } from '../lib/format';
import { fieldErrorText } from '../lib/formErrors';
import { useLoad } from '../lib/useLoad';
import { useSubmit } from '../lib/useSubmit';
import '../styles/pages.css';
import '../styles/print.pages.css';

// The years the API keeps a calendar for.
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** The year asked for in the address, if it is one the API knows. */
function yearParam(text: string | null): number | null {
  if (!text || !/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
}

const byDate = (days: CalendarDay[]) => [...days].sort((a, b) => a.date.localeCompare(b.date));

/** The API's field errors of the list, each code once. */
function listErrorCodes(e: unknown): string[] {
  if (!(e instanceof ApiError)) return [];
  return [...new Set(e.fields.filter((f) => f.field.replace(/\[\d+\]$/, '') === 'days').map((f) => f.code))];
}

export default function CalendarPage() {
  const t = useT();
  const user = useUser();
  const { message } = App.useApp();
  const [sp, setSp] = useSearchParams();
  const year = yearParam(sp.get('year')) ?? Number(todayIso().slice(0, 4));
  const isAdmin = user.role === 'admin';
  // On a phone the weekday goes under the date, so that the name fits beside them unscrolled.
  const narrow = Grid.useBreakpoint().sm === false;
  const loaded = useLoad(() => getCalendarYear(year), [year]);
  // The previous year's days stay in `data` while the next year loads; they are not this year's.
  const calendar = loaded.data?.year === year ? loaded.data : undefined;
  /** The list being edited; null when not editing. */
  const [draft, setDraft] = useState<CalendarDay[] | null>(null);
  /** The day whose dialog is open: null a new one, undefined none. */
  const [dayOpen, setDayOpen] = useState<CalendarDay | null | undefined>(undefined);
  const [listErrors, setListErrors] = useState<string[]>([]);
  usePageTitle(t('page.calendar'));

  const refused = {
    403: t('cal.forbidden'),
    // A stale version: what the user was changing is no longer what is stored.
    412: t('cal.stale', { year }),
    422: t('cal.invalidDays'),
  };
  const afterRefusal = (e: unknown) => {
    setListErrors(listErrorCodes(e));
    if (e instanceof ApiError && e.status === 412) {
      setDraft(null);
      loaded.reload();
    }
  };
  const save = useSubmit(
    async () => {
      if (!calendar || !draft) return;
      // Saving the list as it was would still mark the year as edited, and it would no longer
      // follow its default days.
      if (JSON.stringify(draft) === JSON.stringify(calendar.days)) {
        setDraft(null);
        message.info(t('form.noChanges'));
        return;
      }
      const saved = await setCalendarYear(year, calendar.version, draft);
      loaded.setData(saved);
      setDraft(null);
      message.success(t('cal.saved', { year }));
    },
    { byStatus: refused, onError: afterRefusal },
  );
  const reset = useSubmit(
    async () => {
      if (!calendar) return;
      const known = await resetCalendarYear(year, calendar.version);
      loaded.setData(known);
      setDraft(null);
      message.success(t('cal.resetDone', { year }));
    },
    { byStatus: refused, onError: afterRefusal },
  );
  const busy = save.busy || reset.busy;
  const failure = save.error ?? reset.error;

  const clearFailure = () => {
    save.setError(null);
    reset.setError(null);
    setListErrors([]);
  };
  const goTo = (next: number) => {
    if (next < FIRST_YEAR || next > LAST_YEAR) return;
    clearFailure();
    const params = new URLSearchParams(sp);
    params.set('year', String(next));
    setSp(params);
  };
  const startEditing = () => {
    if (!calendar) return;
    clearFailure();
    setDraft(calendar.days);
  };
  const stopEditing = () => {
    clearFailure();
    setDraft(null);
  };
  const putDay = (day: CalendarDay) => {
    const replaced = dayOpen?.date;
    setDraft((list) => byDate([...(list ?? []).filter((d) => d.date !== replaced), day]));
    setDayOpen(undefined);
  };
  const dropDay = (day: CalendarDay) => setDraft((list) => (list ?? []).filter((d) => d.date !== day.date));

  const editing = draft !== null;
  const days = draft ?? calendar?.days ?? [];
  const takenDates = useMemo(
    () => new Set((draft ?? []).filter((d) => d.date !== dayOpen?.date).map((d) => d.date)),
    [draft, dayOpen],
  );

  const weekday = (d: CalendarDay) => t(`cal.weekday.${weekdayOf(d.date)}` as MessageKey);
  const columns: TableProps<CalendarDay>['columns'] = [
    {
      title: t('cal.date'),
      dataIndex: 'date',
      key: 'date',
      width: narrow ? 104 : 120,
      className: 'nowrap',
      render: (date: string, d) =>
        narrow ? (
          <>
            <div>{formatDate(date)}</div>
            <div className="task-sub">{weekday(d)}</div>
          </>
        ) : (
          formatDate(date)
        ),
    },
    ...(narrow
      ? []
      : [{ title: t('cal.weekday'), key: 'weekday', width: 110, className: 'nowrap', render: (_: unknown, d: CalendarDay) => weekday(d) }]),
    {
      title: t('cal.kind'),
      dataIndex: 'working',
      key: 'working',
      width: narrow ? 112 : 200,
      // A tag does not wrap by itself; on a phone "Ngày làm việc (làm bù)" would push the name off the screen.
      render: (working: boolean) => (
        <Tag color={working ? 'blue' : 'red'} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
          {working ? t('cal.dayWorked') : t('cal.dayOff')}
        </Tag>
      ),
    },
    { title: t('cal.name'), dataIndex: 'name', key: 'name' },
    ...(editing
      ? [
          {
            title: <span className="sr-only">{t('detail.actions')}</span>,
            key: 'actions',
            width: 96,
            className: 'no-print nowrap',
            render: (_: unknown, d: CalendarDay) => (
              <Space size={4}>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  disabled={busy}
                  aria-label={t('cal.editDayAria', { date: formatDate(d.date) })}
                  onClick={() => setDayOpen(d)}
                />
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={busy}
                  aria-label={t('cal.deleteDayAria', { date: formatDate(d.date) })}
                  onClick={() => dropDay(d)}
                />
              </Space>
            ),
          },
        ]
      : []),
  ];

  const resetButton = isAdmin && calendar?.origin === 'edited' && (
    <Popconfirm
      title={t('cal.reset')}
      description={<div style={{ maxWidth: 320 }}>{t('cal.resetConfirm', { year })}</div>}
      okText={t('cal.reset')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onConfirm={() => reset.run()}
    >
      <Button danger icon={<UndoOutlined />} loading={reset.busy} disabled={save.busy}>
        {t('cal.reset')}
      </Button>
    </Popconfirm>
  );

  return (
    <div className="gb-pages">
      <PageHeader
        title={t('cal.titleYear', { year })}
        subtitle={t('cal.subtitle')}
        actions={
          editing ? (
            <>
              <Button icon={<PlusOutlined />} disabled={busy} onClick={() => setDayOpen(null)}>
                {t('cal.addDay')}
              </Button>
              <Button type="primary" loading={save.busy} disabled={reset.busy} onClick={() => void save.run()}>
                {t('cal.save')}
              </Button>
              <Button disabled={busy} onClick={stopEditing}>
                {t('cal.discard')}
              </Button>
              {resetButton}
            </>
          ) : (
            <>
              <PrintButton />
              {isAdmin && (
                <Button icon={<EditOutlined />} disabled={!calendar} onClick={startEditing}>
                  {t('cal.edit')}
                </Button>
              )}
              {resetButton}
            </>
          )
        }
      >
        {calendar && (
          <Typography.Text>
            {t('cal.originLabel')}: <strong>{t(`cal.origin.${calendar.origin}` as MessageKey)}</strong>
          </Typography.Text>
        )}
      </PageHeader>
      <nav className="pages-toolbar no-print" aria-label={t('cal.yearNav')}>
        <Button
          icon={<LeftOutlined />}
          aria-label={t('cal.prevYear')}
          title={t('cal.prevYear')}
          disabled={editing || year <= FIRST_YEAR}
          onClick={() => goTo(year - 1)}
        />
        <DatePicker
          picker="year"
          aria-label={t('cal.year')}
          value={dayjs(`${year}-01-01`)}
          allowClear={false}
          disabled={editing}
          disabledDate={(d) => d.year() < FIRST_YEAR || d.year() > LAST_YEAR}
          onChange={(d) => d && goTo(d.year())}
          style={{ width: 120 }}
        />
        <Button
          icon={<RightOutlined />}
          aria-label={t('cal.nextYear')}
          title={t('cal.nextYear')}
          disabled={editing || year >= LAST_YEAR}
          onClick={() => goTo(year + 1)}
        />
      </nav>
      <LoadErrorAlert load={loaded} />
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          message={failure}
          description={
            listErrors.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {listErrors.map((code) => (
                  <li key={code}>{fieldErrorText(t, code)}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      {editing && (
        <Alert type="info" role="status" showIcon className="no-print" style={{ marginBottom: 16 }} message={t('cal.editing', { year })} />
      )}
      <Table<CalendarDay>
        rowKey="date"
        size="middle"
        loading={!calendar && loaded.loading}
        columns={columns}
        dataSource={days}
        pagination={false}
        scroll={narrow && !editing ? undefined : { x: 560 }}
        locale={{ emptyText: !calendar ? <span /> : <Empty description={t('cal.empty', { year })} /> }}
      />
      {!isAdmin && (
        <Typography.Paragraph type="secondary" className="no-print" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('cal.adminOnly')}
        </Typography.Paragraph>
      )}
      <CalendarDayModal
        open={dayOpen !== undefined}
        year={year}
        day={dayOpen}
        takenDates={takenDates}
        onClose={() => setDayOpen(undefined)}
        onDone={putDay}
      />
    </div>
  );
}
