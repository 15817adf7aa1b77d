import { useEffect } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import type { UnitReportProse } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import type { Submission } from '../../lib/useSubmit';

export const PROSE_FIELDS = ['highlights', 'shortcomings', 'difficulties', 'proposals', 'next_period'] as const satisfies readonly (keyof UnitReportProse)[];

interface Props {
  prose: UnitReportProse;
  editable: boolean;
  save: Submission<UnitReportProse>;
}

/** The five headings the unit writes under: text boxes while it may write, the text as written otherwise. */
export function ProseSection({ prose, editable, save }: Props) {
  const t = useT();
  const [form] = Form.useForm<UnitReportProse>();
  const typed = Form.useWatch([], form) as Partial<UnitReportProse> | undefined;
  const shown = editable ? { ...prose, ...typed } : prose;
  const headingOf = (field: keyof UnitReportProse, i: number) => `${i + 1}. ${t(`ur.prose.${field}` as MessageKey)}`;
  // The boxes follow the report as stored: once loaded, after a save, after a reload.
  useEffect(() => {
    if (editable) form.setFieldsValue(prose);
  }, [form, prose, editable]);

  return (
    <section className="ur-section" aria-labelledby="ur-prose">
      <h2 id="ur-prose" className="ur-heading">
        {t('ur.prose')}
      </h2>
      {editable && (
        <Form form={form} layout="vertical" className="no-print" initialValues={prose} onFinish={(values) => void save.run({ ...prose, ...values })}>
          {PROSE_FIELDS.map((field, i) => (
            <Form.Item key={field} name={field} label={headingOf(field, i)}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 16 }} />
            </Form.Item>
          ))}
          {save.error && <Alert type="error" showIcon role="alert" className="ur-block" message={save.error} />}
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.busy}>
            {t('ur.save')}
          </Button>
        </Form>
      )}
      {/* On paper, and for whoever may not write it, the text as it reads (being written: as typed). */}
      <div className={editable ? 'print-only' : undefined}>
        {PROSE_FIELDS.map((field, i) => (
          <div key={field} className="ur-prose">
            <h3 className="ur-list-title">{headingOf(field, i)}</h3>
            <p className={shown[field] ? 'ur-prose-text' : 'ur-empty'}>{shown[field] || t('ur.prose.blank')}</p>
          </div>
        ))}
      </div>
    </section>
  );
}
