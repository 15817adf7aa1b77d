import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Upload, Typography } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../api/client';
import {
  answerExplanation,
  cancelTask,
  completeTask,
  decideExtension,
  reportProgress,
  requestExplanation,
  requestExtension,
} from '../api/tasks';
import type { Person, Task } from '../api/types';
import { useT } from '../i18n';
import { ACCEPT, MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES, attachmentType, toUpload } from '../lib/attachments';
import { applyFieldErrors } from '../lib/formErrors';
import { foldVietnamese, formatDate, personOptions, toIsoDate } from '../lib/format';
import { errorMessage } from './ErrorAlert';

export type TaskAction =
  | { kind: 'progress' }
  | { kind: 'complete' }
  | { kind: 'extension' }
  | { kind: 'decide'; extensionId: number; decision: 'approved' | 'refused' }
  | { kind: 'explain' }
  | { kind: 'answer'; explanationId: number }
  | { kind: 'cancel' };

interface Props {
  task: Task;
  action: TaskAction | null;
  people?: Person[];
  onClose: () => void;
  onDone: (task: Task) => void;
  /** The server says the task changed meanwhile (409): reload it. */
  onConflict?: () => void;
}

type Values = Record<string, unknown>;

const DATE_FIELDS = [
  'reported_on',
  'completed_on',
  'result_doc_date',
  'requested_on',
  'requested_deadline',
  'decided_on',
  'effective_on',
  'answered_on',
  'cancelled_on',
];
const inFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

export function TaskActionModal({ task, action, people = [], onClose, onDone, onConflict }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);

  useEffect(() => {
    if (!action) return;
    setError(null);
    setFiles([]);
    form.resetFields();
    const today = dayjs();
    if (action.kind === 'progress') form.setFieldsValue({ reported_on: today, percent: task.progress });
    if (action.kind === 'complete') form.setFieldsValue({ completed_on: today });
    if (action.kind === 'extension' || action.kind === 'explain') form.setFieldsValue({ requested_on: today });
    if (action.kind === 'answer') form.setFieldsValue({ answered_on: today });
    if (action.kind === 'decide') form.setFieldsValue({ decided_on: today, effective_on: today });
    if (action.kind === 'cancel') form.setFieldsValue({ kind: 'cancelled', cancelled_on: today });
  }, [action, form, task.progress]);

  if (!action) return null;

  const titles: Record<TaskAction['kind'], string> = {
    progress: t('detail.reportProgress'),
    complete: t('detail.complete'),
    extension: t('detail.requestExtension'),
    decide: action.kind === 'decide' && action.decision === 'refused' ? t('detail.refuse') : t('detail.approve'),
    explain: t('detail.requestExplanation'),
    answer: t('detail.answer'),
    cancel: t('detail.cancel'),
  };

  const required = (label: string) => [{ required: true, whitespace: true, message: t('form.required', { field: label.toLowerCase() }) }];
  const inForce = task.deadline_in_force ?? task.deadline;

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const v: Values = { ...values };
    for (const f of DATE_FIELDS) {
      if (v[f]) v[f] = toIsoDate(v[f] as Dayjs);
      else delete v[f];
    }
    for (const [k, val] of Object.entries(v)) if (val === undefined || val === '' || val === null) delete v[k];
    setBusy(true);
    setError(null);
    try {
      let result: Task;
      switch (action.kind) {
        case 'progress': {
          const uploads = await Promise.all(files.map((f) => toUpload(f.originFileObj as File)));
          result = await reportProgress(task.id, {
            reported_on: v.reported_on as string | undefined,
            body: String(v.body),
            percent: v.percent as number | undefined,
            attachments: uploads.length ? uploads : undefined,
          });
          break;
        }
        case 'complete':
          result = await completeTask(task.id, v);
          break;
        case 'extension':
          result = await requestExtension(task.id, {
            requested_on: v.requested_on as string | undefined,
            requested_deadline: String(v.requested_deadline),
            reason: String(v.reason),
          });
          break;
        case 'decide':
          result = await decideExtension(task.id, action.extensionId, {
            decision: action.decision,
            note: v.note as string | undefined,
            decided_on: v.decided_on as string | undefined,
            effective_on: action.decision === 'approved' ? (v.effective_on as string | undefined) : undefined,
          });
          break;
        case 'explain':
          result = await requestExplanation(task.id, {
            question: String(v.question),
            requested_on: v.requested_on as string | undefined,
          });
          break;
        case 'answer':
          result = await answerExplanation(task.id, action.explanationId, {
            answer: String(v.answer),
            answered_on: v.answered_on as string | undefined,
          });
          break;
        case 'cancel':
          result = await cancelTask(task.id, {
            kind: v.kind as 'cancelled' | 'withdrawn',
            cancelled_on: v.cancelled_on as string | undefined,
            reason: String(v.reason),
            approver_id: v.approver_id as number | undefined,
          });
          break;
      }
      onDone(result);
    } catch (e) {
      const unmatched = applyFieldErrors(form, e, t, { attachments: 'files' });
      if (!(e instanceof ApiError) || e.fields.length === 0 || unmatched.length) setError(errorMessage(e));
      else setError(t('form.checkFields'));
      if (e instanceof ApiError && e.status === 409) onConflict?.();
    } finally {
      setBusy(false);
    }
  };

  const beforeUpload = (file: File) => {
    if (files.length >= MAX_ATTACHMENTS) {
      setError(t('detail.upd.tooMany'));
      return Upload.LIST_IGNORE;
    }
    if (!attachmentType(file)) {
      setError(t('detail.upd.fileType', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setError(t('detail.upd.fileTooBig', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    return false; // keep it; sent with the form
  };

  return (
    <Modal
      open
      title={titles[action.kind]}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={titles[action.kind]}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ danger: action.kind === 'cancel' || (action.kind === 'decide' && action.decision === 'refused') }}
      destroyOnHidden
      maskClosable={!busy}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" disabled={busy}>
        {action.kind === 'progress' && (
          <>
            <Form.Item name="reported_on" label={t('detail.upd.reportedOn')}>
              <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="body" label={t('detail.upd.body')} rules={required(t('detail.upd.body'))}>
              <Input.TextArea rows={4} maxLength={20000} />
            </Form.Item>
            <Form.Item name="percent" label={t('detail.upd.percent')}>
              <InputNumber min={0} max={100} step={5} addonAfter="%" />
            </Form.Item>
            <Form.Item name="files" label={t('detail.upd.attachments')} extra={t('detail.upd.fileHelp')}>
              <Upload
                multiple
                accept={ACCEPT}
                fileList={files}
                beforeUpload={beforeUpload}
                onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_ATTACHMENTS))}
              >
                <Button icon={<UploadOutlined />}>{t('detail.upd.addFile')}</Button>
              </Upload>
            </Form.Item>
          </>
        )}
        {action.kind === 'complete' && (
          <>
            <Form.Item
              name="completed_on"
              label={t('detail.done.completedOn')}
              rules={[{ required: true, message: t('form.requiredSelect', { field: t('detail.done.completedOn').toLowerCase() }) }]}
            >
              <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="result_doc_number" label={t('detail.done.resultNumber')}>
              <Input maxLength={100} placeholder="123/BC-SGTVT" />
            </Form.Item>
            <Form.Item name="result_doc_date" label={t('detail.done.resultDate')}>
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item name="note" label={t('detail.done.note')}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
          </>
        )}
        {action.kind === 'extension' && (
          <>
            <Typography.Paragraph>
              {t('task.deadlineInForce')}: <strong>{inForce ? formatDate(inForce) : t('task.ongoing')}</strong>
            </Typography.Paragraph>
            <Form.Item name="requested_on" label={t('detail.ext.requestedOn')}>
              <DatePicker format="DD/MM/YYYY" disabledDate={inFuture} />
            </Form.Item>
            <Form.Item
              name="requested_deadline"
              label={t('detail.ext.requested')}
              rules={[
                { required: true, message: t('form.requiredSelect', { field: t('detail.ext.requested').toLowerCase() }) },
                {
                  validator: (_, d?: Dayjs) =>
                    !d || !inForce || d.isAfter(dayjs(inForce), 'day')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('fieldError.not_later'))),
                },
              ]}
            >
              <DatePicker format="DD/MM/YYYY" disabledDate={(d) => !!inForce && !d.isAfter(dayjs(inForce), 'day')} />
            </Form.Item>
            <Form.Item name="reason" label={t('detail.ext.reason')} rules={required(t('detail.ext.reason'))}>
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
          </>
        )}
        {action.kind === 'decide' && (
          <>
            <Form.Item name="note" label={t('detail.decision.note')}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
            <Form.Item name="decided_on" label={t('detail.decision.decidedOn')}>
              <DatePicker format="DD/MM/YYYY" disabledDate={inFuture} />
            </Form.Item>
            {action.decision === 'approved' && (
              <Form.Item name="effective_on" label={t('detail.decision.effectiveOn')}>
                <DatePicker
                  format="DD/MM/YYYY"
                  disabledDate={(d) => {
                    const decided = form.getFieldValue('decided_on') as Dayjs | undefined;
                    return inFuture(d) || (!!decided && d.isBefore(decided, 'day'));
                  }}
                />
              </Form.Item>
            )}
          </>
        )}
        {action.kind === 'explain' && (
          <>
            <Form.Item name="question" label={t('detail.expl.question')} rules={required(t('detail.expl.question'))}>
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
            <Form.Item name="requested_on" label={t('detail.expl.requestedOn')}>
              <DatePicker format="DD/MM/YYYY" disabledDate={inFuture} />
            </Form.Item>
          </>
        )}
        {action.kind === 'answer' && (
          <>
            <Form.Item name="answer" label={t('detail.expl.answer')} rules={required(t('detail.expl.answer'))}>
              <Input.TextArea rows={5} maxLength={20000} />
            </Form.Item>
            <Form.Item name="answered_on" label={t('detail.expl.answeredOn')}>
              <DatePicker format="DD/MM/YYYY" disabledDate={inFuture} />
            </Form.Item>
          </>
        )}
        {action.kind === 'cancel' && (
          <>
            <Alert type="warning" showIcon message={t('detail.cancel.warning')} style={{ marginBottom: 16 }} />
            <Form.Item name="kind" label={t('detail.cancel.kind')}>
              <Radio.Group
                options={[
                  { value: 'cancelled', label: t('detail.cancel.cancelled') },
                  { value: 'withdrawn', label: t('detail.cancel.withdrawn') },
                ]}
              />
            </Form.Item>
            <Form.Item name="cancelled_on" label={t('detail.cancel.date')}>
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item name="reason" label={t('detail.cancel.reason')} rules={required(t('detail.cancel.reason'))}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
            <Form.Item name="approver_id" label={t('detail.cancel.approver')}>
              <Select
                allowClear
                showSearch
                options={personOptions(people)}
                filterOption={(input, o) => foldVietnamese(String(o?.label ?? '')).includes(foldVietnamese(input))}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
