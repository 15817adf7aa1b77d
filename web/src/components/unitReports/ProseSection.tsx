import { useEffect, type ReactNode } from 'react';
import { Alert, Button, Form, Input, type FormInstance } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import type { UnitReportProse } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import type { Submission } from '../../lib/useSubmit';

export const PROSE_FIELDS = ['highlights', 'shortcomings', 'difficulties', 'proposals', 'next_period'] as const satisfies readonly (keyof UnitReportProse)[];

interface Props {
  prose: UnitReportProse;
  /** The reader may write the text: boxes and a save button (with `save`). */
  editable: boolean;
  save?: Submission<UnitReportProse>;
  /** The section's heading (default: "Nội dung báo cáo") and its id. */
  title?: string;
  id?: string;
  /** A line under the heading (where the text comes from, say). */
  lead?: ReactNode;
  /** Told whether the boxes hold text that is not saved, whenever that changes. */
  onDirty?: (dirty: boolean) => void;
  /** The boxes' form, for a page that reads the text as typed (to save it before a step, say). */
  form?: FormInstance<UnitReportProse>;
}

/** The five headings of a report's text: text boxes while the reader may write it, the text as written otherwise. */
export function ProseSection({ prose, editable: mayEdit, save, title, id = 'ur-prose', lead, onDirty, form: given }: Props) {
  const t = useT();
  const editable = mayEdit && save !== undefined;
  const [form] = Form.useForm<UnitReportProse>(given);
  const typed = Form.useWatch([], form) as Partial<UnitReportProse> | undefined;
  const shown = editable ? { ...prose, ...typed } : prose;
  const dirty = editable && PROSE_FIELDS.some((field) => typed?.[field] !== undefined && typed[field] !== prose[field]);
  const headingOf = (field: keyof UnitReportProse, i: number) => `${i + 1}. ${t(`ur.prose.${field}` as MessageKey)}`;
  // The boxes follow the report as stored: once loaded, after a save, after a reload.
  useEffect(() => {
    if (editable) form.setFieldsValue(prose);
  }, [form, prose, editable]);
  useEffect(() => {
    onDirty?.(dirty);
  }, [onDirty, dirty]);

  return (
    <section className="ur-section" aria-labelledby={id}>
      <h2 id={id} className="ur-heading">
        {title ?? t('ur.prose')}
      </h2>
      {lead}
      {editable && (
        <Form form={form} layout="vertical" className="no-print" initialValues={prose} onFinish={(values) => void save?.run({ ...prose, ...values })}>
          {PROSE_FIELDS.map((field, i) => (
            <Form.Item key={field} name={field} label={headingOf(field, i)}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 16 }} />
            </Form.Item>
          ))}
          {save?.error && <Alert type="error" showIcon role="alert" className="ur-block" message={save.error} />}
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save?.busy}>
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
