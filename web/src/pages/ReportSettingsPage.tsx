import { useEffect, useMemo } from 'react';
import { Alert, App, Form, Typography } from 'antd';
import { ApiError } from '../api/client';
import { getReportSettings, setReportSettings } from '../api/reportSettings';
import type { Id, Organization, Person, ReportSettings } from '../api/types';
import { useUser } from '../auth/AuthProvider';
import { LoadErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { PageSpinner } from '../components/PageSpinner';
import { DocumentImages } from '../components/reportSettings/DocumentImages';
import { ReportSettingsForm } from '../components/reportSettings/ReportSettingsForm';
import { bodyOf, unchanged, valuesOf, type SettingsValues } from '../components/reportSettings/settingsValues';
import { useT } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { personOptions } from '../lib/format';
import { taskUnitTree } from '../lib/orgPicker';
import { useOrganizations, usePeople } from '../lib/refData';
import { useLoad } from '../lib/useLoad';
import { useSubmit } from '../lib/useSubmit';
import '../styles/reportSettings.css';

/**
 * The divisions and units that may consolidate the reports: the agency's own organisations still
 * in operation (not the agency itself, nor an agency under it), and the one chosen even if closed.
 */
function divisionChoices(orgs: Organization[], agencyId: Id, chosen: Id | null) {
  const own = orgs.filter((o) => o.agency_id === agencyId);
  return taskUnitTree(own, agencyId, { keep: chosen === null ? [] : [chosen] });
}

/** The people of the agency who may be picked to sign, and the signers already named. */
function signerChoices(people: Person[], orgs: Organization[], settings: ReportSettings) {
  const agencyOrgs = new Set(orgs.filter((o) => o.agency_id === settings.agency_id).map((o) => o.id));
  const choices = personOptions(people.filter((p) => p.active && agencyOrgs.has(p.organization_id)));
  const offered = new Set(choices.map((c) => c.value));
  const named = settings.signers
    .filter((s) => !offered.has(s.person_id))
    .map((s) => ({ value: s.person_id, label: s.full_name }));
  return [...named, ...choices];
}

export default function ReportSettingsPage() {
  const t = useT();
  const user = useUser();
  const { message } = App.useApp();
  const isAdmin = user.role === 'admin';
  const loaded = useLoad(() => getReportSettings(), []);
  const settings = loaded.data;
  const organizations = useOrganizations().data;
  const people = usePeople().data;
  const [form] = Form.useForm<SettingsValues>();
  usePageTitle(t('page.reportSettings'));

  // The form follows the settings as stored: once loaded, after a save, after a reload.
  useEffect(() => {
    if (!settings) return;
    form.resetFields();
    form.setFieldsValue(valuesOf(settings));
  }, [form, settings]);

  const save = useSubmit(
    async (values: SettingsValues) => {
      if (!settings) return;
      const body = bodyOf(values);
      // A save of the same settings would still be recorded as a change in the agency's history.
      if (unchanged(settings, body)) {
        message.info(t('form.noChanges'));
        return;
      }
      loaded.setData(await setReportSettings(settings.version, body));
      message.success(t('rs.saved'));
    },
    {
      form,
      byStatus: { 403: t('rs.adminOnly'), 412: t('rs.stale') },
      onError: (e) => {
        if (e instanceof ApiError && e.status === 412) loaded.reload();
      },
    },
  );

  const divisions = useMemo(
    () => (settings ? divisionChoices(organizations ?? [], settings.agency_id, settings.consolidating_org_id) : []),
    [organizations, settings],
  );
  const signerOptions = useMemo(
    () => (settings ? signerChoices(people ?? [], organizations ?? [], settings) : []),
    [people, organizations, settings],
  );
  const initialValues = useMemo(() => (settings ? valuesOf(settings) : undefined), [settings]);

  return (
    <div className="gb-pages rs-page">
      <PageHeader title={t('page.reportSettings')} subtitle={t('rs.subtitle')} />
      <LoadErrorAlert load={loaded} />
      {!settings && loaded.loading && <PageSpinner />}
      {settings && initialValues && (
        <>
          {settings.version === 0 && (
            <Alert type="info" role="status" showIcon className="rs-notice" message={t('rs.defaults')} description={t('rs.defaultsHelp')} />
          )}
          {!isAdmin && (
            <Typography.Paragraph type="secondary" className="rs-notice">
              {t('rs.adminOnly')}
            </Typography.Paragraph>
          )}
          {save.error && <Alert type="error" showIcon role="alert" className="rs-notice" message={save.error} />}
          <ReportSettingsForm
            form={form}
            initialValues={initialValues}
            editable={isAdmin}
            submission={save}
            divisions={divisions}
            signerOptions={signerOptions}
          />
          <DocumentImages settings={settings} editable={isAdmin} onStale={loaded.reload} />
        </>
      )}
    </div>
  );
}
