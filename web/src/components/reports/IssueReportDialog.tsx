import { useEffect, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Form, Radio } from 'antd';
import { ApiError } from '../../api/client';
import { getNextReportNumber, issueReport } from '../../api/reports';
import { getReportSettings } from '../../api/reportSettings';
import type { Id, IssuedReport, IssuedReportRef, ReportSigner } from '../../api/types';
import { useT } from '../../i18n';
import { formatDate, todayIso } from '../../lib/format';
import { signerLabel } from '../../lib/issuedReports';
import { periodTitle } from '../../lib/period';
import { useLoad } from '../../lib/useLoad';
import { useSubmit } from '../../lib/useSubmit';
import { LoadErrorAlert } from '../ErrorAlert';
import { FormModal } from '../FormModal';

interface Values {
  signer_person_id?: Id;
}

interface SignerChoiceProps extends Omit<HTMLAttributes<HTMLDivElement>, 'onChange'> {
  signers: readonly ReportSigner[];
  loading: boolean;
  /** From the form: the signer chosen, and the choice of another. */
  value?: Id;
  onChange?: (id: Id) => void;
}

/**
 * The signers as radios, one a line, whose whole names and titles stay readable (on a phone too);
 * the group takes what the form gives its field (id, required, described by its error).
 */
function SignerChoice({ signers, loading, value, onChange, ...group }: SignerChoiceProps) {
  const t = useT();
  return (
    <div role="radiogroup" {...group}>
      <Radio.Group className="issue-signers" value={value} onChange={(e) => onChange?.(e.target.value as Id)}>
        {loading && <span>{t('common.loading')}</span>}
        {signers.map((s) => (
          <Radio key={s.person_id} value={s.person_id}>
            {signerLabel(s)}
          </Radio>
        ))}
      </Radio.Group>
    </div>
  );
}

interface Props {
  /** The period whose report is issued, as it stands now. */
  period: string;
  /** The period's report in force, which this one replaces; none for the period's first. */
  replaces?: IssuedReportRef;
  /** The text boxes hold text that is not saved: what is issued is the text saved. */
  unsaved?: boolean;
  onClose: () => void;
  onIssued: (report: IssuedReport) => void;
  /** Someone issued (or replaced) the period's report meanwhile: the dialog no longer says what would happen. */
  onConflict: () => void;
}

/**
 * Issues the period's report, or a replacement of the one in force: the number it will take, the
 * date, the signer chosen among the settings' signers, and what issuing means (it is never edited).
 * Shown for each opening afresh (the page mounts it then): the number and the signers are asked
 * for each time, as someone may have issued or changed the settings since.
 */
export function IssueReportDialog({ period, replaces, unsaved = false, onClose, onIssued, onConflict }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const settings = useLoad((signal) => getReportSettings(signal), []);
  const next = useLoad((signal) => getNextReportNumber(signal), []);
  const signers = settings.data?.signers;
  const noSigners = !settings.loading && signers !== undefined && signers.length === 0;

  // The first signer, as on the draft, until another is chosen.
  useEffect(() => {
    if (signers?.length && form.getFieldValue('signer_person_id') === undefined) {
      form.setFieldsValue({ signer_person_id: signers[0].person_id });
    }
  }, [signers, form]);

  const submission = useSubmit(
    async ({ signer_person_id }: Values) => {
      if (signer_person_id === undefined) return;
      try {
        onIssued(await issueReport({ period, signer_person_id, ...(replaces ? { replaces_id: replaces.id } : {}) }));
      } catch (e) {
        if (e instanceof ApiError && e.fieldCode('period') === 'not_started') throw new Error(t('issue.notStarted'));
        throw e;
      }
    },
    {
      form,
      onError: (e) => {
        if (!(e instanceof ApiError)) return;
        if (e.status === 409 || e.fieldCode('replaces_id')) onConflict();
        // A signer taken off the settings meanwhile: the list as it now is.
        else if (e.fieldCode('signer_person_id')) settings.reload();
      },
    },
  );

  const facts = (
    <>
      <dl className="issue-facts">
        <div>
          <dt>{t('ir.period')}</dt>
          <dd>{periodTitle(t, period)}</dd>
        </div>
        <div>
          <dt>{t('issue.number')}</dt>
          <dd data-testid="issue-number">{next.data ? next.data.number_text : t('common.loading')}</dd>
        </div>
        <div>
          <dt>{t('issue.date')}</dt>
          <dd>{formatDate(todayIso())}</dd>
        </div>
        {replaces && (
          <div>
            <dt>{t('issue.replaces')}</dt>
            <dd data-testid="issue-replaces">{t('issue.replacesReport', { number: replaces.number_text, date: formatDate(replaces.issued_on) })}</dd>
          </div>
        )}
      </dl>
      <p className="issue-hint">{t('issue.numberHint')}</p>
      <LoadErrorAlert load={next} />
      <LoadErrorAlert load={settings} />
    </>
  );

  return (
    <FormModal<Values>
      open
      title={replaces ? t('issue.replaceTitle') : t('issue.title')}
      okText={replaces ? t('issue.replaceOk') : t('issue.ok')}
      danger
      okDisabled={!signers?.length}
      form={form}
      submission={submission}
      intro={facts}
      onCancel={onClose}
    >
      {noSigners ? (
        <Alert
          type="warning"
          showIcon
          role="note"
          className="ur-block"
          message={t('issue.noSigners')}
          description={
            <>
              <p className="issue-hint-block">{t('issue.noSignersHelp')}</p>
              <Link to="/report-settings">{t('issue.openSettings')}</Link>
            </>
          }
        />
      ) : (
        <Form.Item name="signer_person_id" label={t('issue.signer')} rules={[{ required: true, message: t('issue.signerRequired') }]}>
          <SignerChoice signers={signers ?? []} loading={settings.loading} aria-label={t('issue.signer')} />
        </Form.Item>
      )}
      {unsaved && <Alert type="warning" showIcon role="note" className="ur-block" message={t('issue.unsaved')} />}
      <Alert type="warning" showIcon role="note" message={t('issue.final')} description={t('issue.finalHelp')} />
    </FormModal>
  );
}
