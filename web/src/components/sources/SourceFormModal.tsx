import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { createSource, updateSource } from '../../api/sources';
import { SOURCE_KINDS, type Source, type SourceCreate, type SourceKind, type SourceUpdate } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import { changedTexts } from '../../lib/changes';
import { fromIsoDate, toIsoDate } from '../../lib/format';
import { requiredChoice, requiredText } from '../../lib/formRules';
import { invalidateRefData } from '../../lib/refData';
import { useSubmit } from '../../lib/useSubmit';
import { FormModal, type DialogProps } from '../FormModal';

interface Values {
  kind: SourceKind;
  title: string;
  doc_number?: string;
  doc_date?: Dayjs | null;
  issuer?: string;
  summary?: string;
}

interface Props extends DialogProps<Source> {
  open: boolean;
  /** The source to edit; none: a new one. */
  source?: Source | null;
}

/** Only what differs from `source` (the API wants nothing else in a PATCH). */
function changes(source: Source, v: Values): SourceUpdate {
  const body: SourceUpdate = changedTexts(source, v, ['title', 'doc_number', 'issuer', 'summary']);
  const docDate = toIsoDate(v.doc_date) ?? null;
  if (v.kind !== source.kind) body.kind = v.kind;
  if (docDate !== source.doc_date) body.doc_date = docDate;
  return body;
}

/** A new source: the fields that were filled in. */
function creation(v: Values): SourceCreate {
  const body: SourceCreate = { kind: v.kind, title: v.title.trim() };
  if (v.doc_number?.trim()) body.doc_number = v.doc_number.trim();
  const d = toIsoDate(v.doc_date);
  if (d) body.doc_date = d;
  if (v.issuer?.trim()) body.issuer = v.issuer.trim();
  if (v.summary?.trim()) body.summary = v.summary.trim();
  return body;
}

/** Create or edit a source (a program or a document) with its issuing document. */
export function SourceFormModal({ open, source, onClose, onDone }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const save = useSubmit(
    async (v: Values) => {
      let saved: Source;
      if (source) {
        const body = changes(source, v);
        if (Object.keys(body).length === 0) {
          onClose();
          return;
        }
        saved = await updateSource(source.id, source.version, body);
      } else {
        saved = await createSource(creation(v));
      }
      invalidateRefData('sources');
      onDone(saved);
    },
    { form, byStatus: { 412: t('src.stale') } },
  );

  return (
    <FormModal
      open={open}
      title={source ? t('src.editTitle') : t('src.newTitle')}
      okText={source ? t('common.save') : t('src.create')}
      width={640}
      form={form}
      values={
        source
          ? {
              kind: source.kind,
              title: source.title,
              doc_number: source.doc_number,
              doc_date: fromIsoDate(source.doc_date),
              issuer: source.issuer,
              summary: source.summary,
            }
          : { kind: 'key_program' }
      }
      submission={save}
      onCancel={onClose}
    >
      <Form.Item name="kind" label={t('src.kind')} rules={[requiredChoice(t, t('src.kind'))]}>
        <Select options={SOURCE_KINDS.map((k) => ({ value: k, label: t(`sourceKind.${k}` as MessageKey) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('src.title')} rules={[requiredText(t, t('src.title'))]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} placeholder={t('src.titlePlaceholder')} />
      </Form.Item>
      <div className="pages-form-row">
        <Form.Item name="doc_number" label={t('src.docNumber')} style={{ flex: 1, minWidth: 180 }}>
          <Input maxLength={100} placeholder="125/QĐ-UBND" />
        </Form.Item>
        <Form.Item name="doc_date" label={t('src.docDate')} style={{ flex: 1, minWidth: 160 }}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <Form.Item name="issuer" label={t('src.issuer')}>
        <Input maxLength={300} placeholder={t('src.issuerPlaceholder')} />
      </Form.Item>
      <Form.Item name="summary" label={t('src.summary')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}

/** Roles that may create and edit sources (the API refuses the others). */
export function canEditSources(role: string): boolean {
  return role === 'leader' || role === 'consolidator';
}
