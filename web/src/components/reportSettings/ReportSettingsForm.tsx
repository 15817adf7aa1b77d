import { Button, Card, ConfigProvider, Form, Input, InputNumber, Radio, Space, theme, TreeSelect, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { PERIOD_CONVENTIONS, type Id } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import { documentNumberLine, placeDateLine } from '../../lib/documentLines';
import { maxUtf8Bytes, requiredText } from '../../lib/formRules';
import { orgPickerProps, type OrgPickNode } from '../../lib/orgPicker';
import type { Submission } from '../../lib/useSubmit';
import { codeRules } from './codeRules';
import { DocumentTypesList } from './DocumentTypesList';
import { HeadingPreview } from './HeadingPreview';
import { RecipientsList } from './RecipientsList';
import { SignersList } from './SignersList';
import { capitals, DUE_WORKING_DAYS_MAX, NAME_MAX_BYTES, type SettingsValues } from './settingsValues';

// The examples' document: the number and the date Nghị định 30 writes with a leading 0.
const EXAMPLE_SERIAL = 15;
const EXAMPLE_DATE = '2024-01-05';

interface Props {
  form: FormInstance<SettingsValues>;
  initialValues: SettingsValues;
  /** The administrator's form; everyone else reads the values in it, disabled. */
  editable: boolean;
  submission: Submission<SettingsValues>;
  divisions: OrgPickNode[];
  signerOptions: { value: Id; label: string }[];
}

/** The agency code's example: "Số: 15/BC-SGTVT", with the first document type's code. */
function NumberExample() {
  const t = useT();
  const form = Form.useFormInstance();
  const agencyCode: string = Form.useWatch('agency_code', form) ?? '';
  const typeCode: string = Form.useWatch(['document_types', 0, 'code'], form) ?? '';
  return <span>{t('rs.numberExample', { line: documentNumberLine(EXAMPLE_SERIAL, typeCode.trim(), capitals(agencyCode)) })}</span>;
}

/** The place name's example: "Quảng Ngãi, ngày 05 tháng 01 năm 2024". */
function PlaceDateExample() {
  const t = useT();
  const form = Form.useFormInstance();
  const place: string = Form.useWatch('place_name', form) ?? '';
  return <span>{t('rs.placeExample', { line: placeDateLine(place.trim(), EXAMPLE_DATE) })}</span>;
}

/** The agency's report settings, each section in a card; the administrator's is the one saved. */
export function ReportSettingsForm({ form, initialValues, editable, submission, divisions, signerOptions }: Props) {
  const t = useT();
  const { token } = theme.useToken();
  // Someone who may only read the settings reads them in the disabled inputs: in the text's own
  // colour, not the faint one of a disabled input.
  const readable = editable ? {} : { token: { colorTextDisabled: token.colorText } };
  return (
    <ConfigProvider theme={readable}>
      <Form<SettingsValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        disabled={!editable || submission.busy}
        onFinish={submission.run}
        onFinishFailed={() => submission.setError(t('form.checkFields'))}
        scrollToFirstError
        className="rs-form"
        requiredMark={editable}
        aria-label={t('page.reportSettings')}
      >
        <Card size="small" title={t('rs.section.period')} className="rs-section">
          <Form.Item name="period_convention" label={t('rs.periodConvention')}>
            <Radio.Group>
              <Space direction="vertical">
                {PERIOD_CONVENTIONS.map((c) => (
                  <Radio key={c} value={c}>
                    <div>{t(`rs.period.${c}` as MessageKey)}</div>
                    <Typography.Text type="secondary">{t(`rs.period.${c}.help` as MessageKey)}</Typography.Text>
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="due_working_days"
            label={t('rs.dueWorkingDays')}
            extra={t('rs.dueWorkingDaysHelp', { max: DUE_WORKING_DAYS_MAX })}
            rules={[
              {
                required: true,
                type: 'integer',
                min: 0,
                max: DUE_WORKING_DAYS_MAX,
                message: t('rs.dueWorkingDaysRange', { min: 0, max: DUE_WORKING_DAYS_MAX }),
              },
            ]}
          >
            <InputNumber min={0} max={DUE_WORKING_DAYS_MAX} precision={0} addonAfter={t('rs.workingDays')} />
          </Form.Item>
          {/* An agency may not have chosen its consolidating division yet: clearing it is a setting too. */}
          <Form.Item name="consolidating_org_id" label={t('rs.consolidatingOrg')}>
            <TreeSelect {...orgPickerProps} allowClear placeholder={t('rs.consolidatingOrgNone')} treeData={divisions} />
          </Form.Item>
        </Card>

        <Card size="small" title={t('rs.section.heading')} className="rs-section">
          <Form.Item
            name="parent_line"
            label={t('rs.parentLine')}
            extra={t('rs.linesHelp')}
            rules={[maxUtf8Bytes(NAME_MAX_BYTES, t('rs.textTooLong'))]}
          >
            <Input className="rs-capitals" />
          </Form.Item>
          <Form.Item
            name="agency_line"
            label={t('rs.agencyLine')}
            rules={[requiredText(t, t('rs.agencyLine')), maxUtf8Bytes(NAME_MAX_BYTES, t('rs.textTooLong'))]}
          >
            <Input className="rs-capitals" />
          </Form.Item>
          <HeadingPreview />
          <Form.Item name="agency_code" label={t('rs.agencyCode')} extra={<NumberExample />} rules={codeRules(t, t('rs.agencyCode'))}>
            <Input className="rs-capitals rs-code-input" />
          </Form.Item>
          <Form.Item
            name="place_name"
            label={t('rs.placeName')}
            extra={<PlaceDateExample />}
            rules={[requiredText(t, t('rs.placeName')), maxUtf8Bytes(NAME_MAX_BYTES, t('rs.textTooLong'))]}
          >
            <Input />
          </Form.Item>
        </Card>

        <Card size="small" title={t('rs.section.types')} className="rs-section">
          <Typography.Paragraph type="secondary">{t('rs.typesHelp')}</Typography.Paragraph>
          <DocumentTypesList editable={editable} />
        </Card>

        <Card size="small" title={t('rs.section.recipients')} className="rs-section">
          <Typography.Paragraph type="secondary">{t('rs.recipientsHelp')}</Typography.Paragraph>
          <RecipientsList editable={editable} />
        </Card>

        <Card size="small" title={t('rs.section.signers')} className="rs-section">
          <SignersList editable={editable} options={signerOptions} />
        </Card>

        {editable && (
          <Button type="primary" htmlType="submit" loading={submission.busy}>
            {t('rs.save')}
          </Button>
        )}
      </Form>
    </ConfigProvider>
  );
}
