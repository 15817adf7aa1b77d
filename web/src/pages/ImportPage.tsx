import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Popconfirm, Radio, Select, Skeleton, Space, Switch, Typography } from 'antd';
import { CheckOutlined, DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import {
  chooseImport,
  confirmImport,
  discardImport,
  getImport,
  IMPORT_PAGE_SIZE,
  importFileUrl,
  type ImportRowsView,
} from '../api/imports';
import { getSource } from '../api/sources';
import type { Id, ImportChoicesUpdate, ImportPreview } from '../api/types';
import { canImportProgram, useUser } from '../auth/AuthProvider';
import { LoadErrorAlert } from '../components/ErrorAlert';
import { ColumnMapping } from '../components/imports/ColumnMapping';
import { ProgramYear } from '../components/imports/ProgramYear';
import { ImportStatusTag } from '../components/imports/ImportList';
import { ImportRowsTable } from '../components/imports/ImportRowsTable';
import { ImportUpload } from '../components/imports/ImportUpload';
import { UnitFixes } from '../components/imports/UnitFixes';
import { NotFoundResult } from '../components/NotFoundResult';
import { PageHeader } from '../components/PageHeader';
import { useLang, useT, type MessageKey } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { formatFileSize, formatNumber, formatTimestamp } from '../lib/format';
import { canConfirm, countsText, errorsBesidesUnits, leadRowsWaiting, yearMayMendErrors } from '../lib/imports';
import { invalidateRefData, useOrganizations } from '../lib/refData';
import { useLoad } from '../lib/useLoad';
import { useSubmit, type SubmitOptions } from '../lib/useSubmit';
import '../styles/pages.css';
import '../styles/imports.css';

const FIRST_VIEW: ImportRowsView = { page: 1, pageSize: IMPORT_PAGE_SIZE, problemsOnly: false };

/** The rows the server answers a choice with: the first page, of its default size, all rows. */
const isFirstView = (v: ImportRowsView) => v.page === 1 && v.pageSize === IMPORT_PAGE_SIZE && !v.problemsOnly;

/** What the file should look like, for the one about to upload it. */
function LayoutHelp() {
  const t = useT();
  return (
    <Card size="small" className="dash-section" title={t('imp.layout.title')}>
      <ul className="imp-layout-help">
        <li>{t('imp.layout.header')}</li>
        <li>{t('imp.layout.rows')}</li>
        <li>{t('imp.layout.deadline')}</li>
        <li>{t('imp.layout.units')}</li>
      </ul>
    </Card>
  );
}

/** sources/:sourceId/import: a new file for the source. */
function NewImport({ sourceId }: { sourceId: Id }) {
  const t = useT();
  const user = useUser();
  const navigate = useNavigate();
  const source = useLoad(() => getSource(sourceId), [sourceId]);
  usePageTitle(t('page.import'));

  if (source.error instanceof ApiError && (source.error.status === 404 || source.error.status === 422)) {
    return <NotFoundResult title={t('src.notFound')} backTo="/sources" backText={t('src.backToList')} />;
  }
  return (
    <div className="gb-pages imp-page">
      <PageHeader
        title={t('imp.title')}
        subtitle={source.data ? <Link to={`/sources/${sourceId}`}>{t('imp.source', { title: source.data.title })}</Link> : undefined}
      />
      <LoadErrorAlert load={source} />
      {canImportProgram(user.role) ? (
        <ImportUpload sourceId={sourceId} onUploaded={(preview) => navigate(`/imports/${preview.import.id}`, { state: { preview } })} />
      ) : (
        <Alert type="info" showIcon message={t('imp.notAllowed')} />
      )}
      <LayoutHelp />
    </div>
  );
}

/**
 * The problems that stop the whole file, and the rows still in error, with what to do: pick the
 * lead units not recognised here, correct anything else in the file, or give the program's year
 * when the source had none and deadlines may have been read in the wrong one.
 */
function Blockers({ preview }: { preview: ImportPreview }) {
  const t = useT();
  const [lang] = useLang();
  const waiting = leadRowsWaiting(preview);
  return (
    <>
      {preview.problems.length > 0 && (
        <Alert
          className="imp-block"
          type="error"
          showIcon
          role="alert"
          message={t('imp.blocked')}
          description={
            <ul className="imp-alert-list">
              {preview.problems.map((p) => (
                <li key={p}>
                  {t(`imp.problem.${p}` as MessageKey)}
                  {p === 'already_imported' && preview.duplicate_of !== null && (
                    <>
                      {' '}
                      <Link to={`/imports/${preview.duplicate_of}`}>{t('imp.problem.openDuplicate')}</Link>
                    </>
                  )}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {preview.counts.with_errors > 0 && (
        <Alert
          className="imp-block"
          type="error"
          showIcon
          message={t('imp.errorsTitle', { n: formatNumber(preview.counts.with_errors, lang) })}
          description={
            <>
              {waiting > 0 ? (
                <>
                  {t('imp.errorsHelp.units', { n: formatNumber(waiting, lang) })}
                  {errorsBesidesUnits(preview) && ` ${t('imp.errorsHelp.other')}`}
                </>
              ) : (
                t('imp.errorsHelp.file')
              )}
              {yearMayMendErrors(preview) && ` ${t('imp.errorsHelp.year')}`}
            </>
          }
        />
      )}
    </>
  );
}

/** imports/:id: the preview of an uploaded file, the user's choices on it, and its confirmation. */
function ExistingImport({ id }: { id: Id }) {
  const t = useT();
  const [lang] = useLang();
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const location = useLocation();
  const passed = (location.state as { preview?: ImportPreview } | null)?.preview;
  const [view, setView] = useState<ImportRowsView>(FIRST_VIEW);
  const loaded = useLoad((signal) => getImport(id, view, signal), [id, view.page, view.pageSize, view.problemsOnly], {
    // The answer to the upload that led here: its first page, as the page first shows it.
    initialData: passed?.import.id === id && passed.rows.page_size === IMPORT_PAGE_SIZE ? passed : undefined,
  });
  const preview = loaded.data;
  const sourceId = preview?.import.source_id;
  const source = useLoad(sourceId ? () => getSource(sourceId) : null, [sourceId]);
  const orgs = useOrganizations();
  usePageTitle(preview ? preview.import.file_name : t('page.import'));

  // The upload's answer is used once: a reload of the page asks the server for the preview as it now is.
  useEffect(() => {
    if (passed) navigate(location.pathname, { replace: true, state: null });
    // only on arrival
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A preview changed meanwhile (412: its version; 409: confirmed or found imported) is loaded
  // again, and the user told.
  const failure: Pick<SubmitOptions, 'byStatus' | 'onError'> = {
    byStatus: { 412: t('imp.stale') },
    onError: (e) => {
      if (e instanceof ApiError && (e.status === 412 || e.status === 409)) loaded.reload();
    },
  };

  const choose = useSubmit(async (choices: ImportChoicesUpdate) => {
    if (!preview) return;
    const next = await chooseImport(preview.import, choices);
    if (isFirstView(view)) {
      loaded.setData(next);
      return;
    }
    // The answer holds the first page of every row: the rows shown are asked for again.
    loaded.setData((old) => ({ ...next, rows: old?.rows ?? next.rows }));
    setView((v) => ({ ...v, page: 1 }));
    loaded.reload();
  }, failure);

  const confirm = useSubmit(async () => {
    if (!preview) return;
    const result = await confirmImport(preview.import);
    invalidateRefData('sources');
    message.success(t('imp.done', { n: formatNumber(result.task_ids.length, lang), name: result.import.file_name }));
    navigate(`/sources/${result.import.source_id}`);
  }, failure);

  const discard = useSubmit(async () => {
    if (!preview) return;
    await discardImport(preview.import);
    message.success(t('imp.discarded', { name: preview.import.file_name }));
    navigate(`/sources/${preview.import.source_id}`);
  }, failure);

  if (loaded.error instanceof ApiError && (loaded.error.status === 404 || loaded.error.status === 422) && !preview) {
    return <NotFoundResult title={t('imp.notFound')} backTo="/sources" backText={t('src.backToList')} />;
  }
  if (!preview) {
    return (
      <div className="gb-pages imp-page">
        <LoadErrorAlert load={loaded} />
        {!loaded.error && <Skeleton active paragraph={{ rows: 8 }} />}
      </div>
    );
  }

  const summary = preview.import;
  const draft = summary.status === 'draft';
  const editable = draft && canImportProgram(user.role);
  const busy = choose.busy || confirm.busy || discard.busy;
  const actionError = choose.error ?? confirm.error ?? discard.error;
  const showGroups = preview.choices.groups_as === 'parents' || preview.counts.headings > 0;

  return (
    <div className="gb-pages imp-page">
      <PageHeader
        title={t('imp.title')}
        subtitle={
          source.data ? (
            <Link to={`/sources/${summary.source_id}`}>{t('imp.source', { title: source.data.title })}</Link>
          ) : undefined
        }
        actions={
          <>
            <Button icon={<DownloadOutlined aria-hidden />} href={importFileUrl(summary.id)} download={summary.file_name}>
              {t('imp.downloadFile')}
            </Button>
            {editable && (
              <Popconfirm
                title={t('imp.discardQuestion')}
                okText={t('imp.discard')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                overlayClassName="imp-confirm"
                onConfirm={() => discard.run()}
              >
                <Button danger icon={<DeleteOutlined aria-hidden />} disabled={busy}>
                  {t('imp.discard')}
                </Button>
              </Popconfirm>
            )}
            {editable && (
              <Popconfirm
                title={t('imp.confirmQuestion', { n: formatNumber(preview.counts.tasks, lang) })}
                okText={t('imp.confirmOk')}
                cancelText={t('common.cancel')}
                overlayClassName="imp-confirm"
                onConfirm={() => confirm.run()}
                disabled={!canConfirm(preview) || busy}
              >
                <Button type="primary" icon={<CheckOutlined aria-hidden />} disabled={!canConfirm(preview) || busy} loading={confirm.busy}>
                  {t('imp.confirm')}
                </Button>
              </Popconfirm>
            )}
          </>
        }
      >
        <Space size={8} wrap>
          <ImportStatusTag status={summary.status} />
          <Typography.Text strong className="imp-counts" data-testid="import-counts">
            {countsText(t, preview.counts, lang)}
          </Typography.Text>
        </Space>
        <Typography.Text type="secondary">
          {t('imp.fileLine', { name: summary.file_name, size: formatFileSize(summary.file_size, lang), time: formatTimestamp(summary.created_at) })}
        </Typography.Text>
      </PageHeader>

      {actionError && <Alert className="imp-block" type="error" showIcon role="alert" message={actionError} />}
      {!draft && (
        <Alert
          className="imp-block imp-done"
          type="success"
          showIcon
          message={t('imp.confirmedAlert', { n: formatNumber(summary.task_count, lang), time: formatTimestamp(summary.confirmed_at) })}
          action={<Link to={`/tasks?source=${summary.source_id}`}>{t('imp.openTasks')}</Link>}
        />
      )}
      {draft && <Blockers preview={preview} />}
      <LoadErrorAlert load={loaded} />

      <Card size="small" className="dash-section" title={t('imp.reading')}>
        <div className="imp-reading">
          {preview.sheets.length > 1 &&
            (editable ? (
              <label className="imp-inline-field">
                <span>{t('imp.sheet')}</span>
                <Select<number>
                  className="imp-sheet-select"
                  aria-label={t('imp.sheet')}
                  value={preview.choices.sheet}
                  options={preview.sheets.map((name, i) => ({ value: i, label: name }))}
                  disabled={busy}
                  onChange={(sheet) => choose.run({ sheet })}
                />
              </label>
            ) : (
              <span>
                {t('imp.sheet')}: <strong>{preview.sheets[preview.choices.sheet]}</strong>
              </span>
            ))}
          {showGroups &&
            (editable ? (
              <div className="imp-inline-field" role="group" aria-labelledby="imp-groups-as">
                <span id="imp-groups-as">{t('imp.groupsAs')}</span>
                <Radio.Group
                  optionType="button"
                  value={preview.choices.groups_as}
                  disabled={busy}
                  onChange={(e) => choose.run({ groups_as: e.target.value as 'labels' | 'parents' })}
                  options={[
                    { value: 'labels', label: t('imp.groupsAs.labels') },
                    { value: 'parents', label: t('imp.groupsAs.parents') },
                  ]}
                />
              </div>
            ) : (
              <span>
                {t('imp.groupsAs')}: <strong>{t(`imp.groupsAs.${preview.choices.groups_as}`)}</strong>
              </span>
            ))}
          <ProgramYear preview={preview} editable={editable} busy={busy} onChoose={(year) => choose.run({ year })} />
          {preview.header_row !== null && (
            <Typography.Text type="secondary">
              {preview.header_rows > 1
                ? t('imp.headerRows', { from: preview.header_row, to: preview.header_row + preview.header_rows - 1 })
                : t('imp.headerRow', { n: preview.header_row })}
            </Typography.Text>
          )}
        </div>
        <Typography.Paragraph type="secondary" className="imp-help">
          {showGroups && `${t('imp.groupsAs.help')} `}
          {t('imp.year.help', { year: preview.year })}
        </Typography.Paragraph>
        {preview.columns.length > 0 && <ColumnMapping preview={preview} editable={editable} busy={busy} onChoose={(c) => choose.run(c)} />}
      </Card>

      {(preview.unmatched_units.length > 0 || preview.choices.unit_fixes.length > 0) && (
        <Card size="small" className="dash-section" title={t(preview.unmatched_units.length ? 'imp.units' : 'imp.units.fixed')}>
          <UnitFixes
            preview={preview}
            organizations={orgs.data ?? []}
            agencyId={user.agency_id}
            editable={editable}
            busy={busy}
            onChoose={(c) => choose.run(c)}
          />
        </Card>
      )}

      <Card
        size="small"
        className="dash-section"
        title={t('imp.rows')}
        extra={
          <label className="imp-filter">
            <Switch
              size="small"
              checked={view.problemsOnly}
              onChange={(problemsOnly) => setView((v) => ({ ...v, page: 1, problemsOnly }))}
            />
            <span>{t('imp.rows.problemsOnly')}</span>
          </label>
        }
      >
        <ImportRowsTable
          rows={preview.rows.items}
          total={preview.rows.total}
          page={view.page}
          pageSize={view.pageSize}
          loading={loaded.loading}
          problemsOnly={view.problemsOnly}
          canPick={editable}
          onPage={(page, pageSize) => setView((v) => ({ ...v, page, pageSize }))}
        />
      </Card>
    </div>
  );
}

/** Importing a work program from a spreadsheet: the upload, then the preview until confirmed. */
export default function ImportPage() {
  const t = useT();
  const params = useParams();
  const sourceId = Number(params.sourceId);
  const id = Number(params.id);
  if (params.sourceId !== undefined) {
    if (!Number.isInteger(sourceId) || sourceId <= 0) {
      return <NotFoundResult title={t('src.notFound')} backTo="/sources" backText={t('src.backToList')} />;
    }
    return <NewImport key={sourceId} sourceId={sourceId} />;
  }
  if (!Number.isInteger(id) || id <= 0) {
    return <NotFoundResult title={t('imp.notFound')} backTo="/sources" backText={t('src.backToList')} />;
  }
  return <ExistingImport key={id} id={id} />;
}
