import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Radio, Select, Typography, Upload } from 'antd';
import type { FormRule, UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
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
import { formatDate, labelFilter, personOptions, toIsoDate } from '../lib/format';
import { requiredChoice, requiredText } from '../lib/formRules';
import { useSubmit } from '../lib/useSubmit';
import { FormModal, type DialogProps } from './FormModal';

export type TaskAction =
  | { kind: 'progress' }
  | { kind: 'complete' }
  | { kind: 'extension' }
  | { kind: 'decide'; extensionId: number; decision: 'approved' | 'refused' }
  | { kind: 'explain' }
  | { kind: 'answer'; explanationId: number }
  | { kind: 'cancel' };

interface Props extends DialogProps<Task> {
  task: Task;
  action: TaskAction | null;
  people?: Person[];
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

/** The form's values as the API wants them: ISO dates, nothing left empty. */
function requestValues(values: Values): Values {
  const v: Values = { ...values };
  for (const f of DATE_FIELDS) {
    if (v[f]) v[f] = toIsoDate(v[f] as Dayjs);
    else delete v[f];
  }
  for (const [k, val] of Object.entries(v)) if (val === undefined || val === '' || val === null) delete v[k];
  return v;
}

/** Sends `action` on `task`; the answer is the task as it is now. */
async function send(task: Task, action: TaskAction, v: Values, files: UploadFile[]): Promise<Task> {
  switch (action.kind) {
    case 'progress': {
      const uploads = await Promise.all(files.map((f) => toUpload(f.originFileObj as File)));
      return reportProgress(task.id, {
        reported_on: v.reported_on as string | undefined,
        body: String(v.body),
        percent: v.percent as number | undefined,
        attachments: uploads.length ? uploads : undefined,
      });
    }
    case 'complete':
      return completeTask(task.id, v);
    case 'extension':
      return requestExtension(task.id, {
        requested_on: v.requested_on as string | undefined,
        requested_deadline: String(v.requested_deadline),
        reason: String(v.reason),
      });
    case 'decide':
      return decideExtension(task.id, action.extensionId, {
        decision: action.decision,
        note: v.note as string | undefined,
        decided_on: v.decided_on as string | undefined,
        effective_on: action.decision === 'approved' ? (v.effective_on as string | undefined) : undefined,
      });
    case 'explain':
      return requestExplanation(task.id, { question: String(v.question), requested_on: v.requested_on as string | undefined });
    case 'answer':
      return answerExplanation(task.id, action.explanationId, {
        answer: String(v.answer),
        answered_on: v.answered_on as string | undefined,
      });
    case 'cancel':
      return cancelTask(task.id, {
        kind: v.kind as 'cancelled' | 'withdrawn',
        cancelled_on: v.cancelled_on as string | undefined,
        reason: String(v.reason),
        approver_id: v.approver_id as number | undefined,
      });
  }
}

/** The values each action's form starts from. */
function startValues(action: TaskAction, task: Task): Record<string, Dayjs | number | string> {
  const today = dayjs();
  switch (action.kind) {
    case 'progress':
      return { reported_on: today, percent: task.progress };
    case 'complete':
      return { completed_on: today };
    case 'extension':
    case 'explain':
      return { requested_on: today };
    case 'answer':
      return { answered_on: today };
    case 'decide':
      return { decided_on: today, effective_on: today };
    case 'cancel':
      return { kind: 'cancelled', cancelled_on: today };
  }
}

/** A date field; `upToToday`: a day in the future cannot be picked. */
function DateField({ name, label, upToToday, rules }: { name: string; label: string; upToToday?: boolean; rules?: FormRule[] }) {
  return (
    <Form.Item name={name} label={label} rules={rules}>
      <DatePicker format="DD/MM/YYYY" disabledDate={upToToday ? inFuture : undefined} />
    </Form.Item>
  );
}

/** A text of several lines; `required`: it may not be left empty. */
function TextField({ name, label, rows, max, required }: { name: string; label: string; rows: number; max: number; required?: boolean }) {
  const t = useT();
  return (
    <Form.Item name={name} label={label} rules={required ? [requiredText(t, label)] : undefined}>
      <Input.TextArea rows={rows} maxLength={max} />
    </Form.Item>
  );
}

export function TaskActionModal({ task, action, people = [], onClose, onDone, onConflict }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const save = useSubmit(
    async (values: Values) => {
      if (action) onDone(await send(task, action, requestValues(values), files));
    },
    {
      form,
      aliases: { attachments: 'files' },
      onError: (e) => {
        if (e instanceof ApiError && e.status === 409) onConflict?.();
      },
    },
  );

  useEffect(() => setFiles([]), [action]);

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
  const inForce = task.deadline_in_force ?? task.deadline;

  const beforeUpload = (file: File) => {
    const refusal =
      files.length >= MAX_ATTACHMENTS
        ? t('detail.upd.tooMany')
        : !attachmentType(file)
          ? t('detail.upd.fileType', { name: file.name })
          : file.size > MAX_ATTACHMENT_BYTES
            ? t('detail.upd.fileTooBig', { name: file.name })
            : null;
    if (refusal) {
      save.setError(refusal);
      return Upload.LIST_IGNORE;
    }
    return false; // keep it; sent with the form
  };

  return (
    <FormModal
      open
      title={titles[action.kind]}
      okText={titles[action.kind]}
      danger={action.kind === 'cancel' || (action.kind === 'decide' && action.decision === 'refused')}
      form={form}
      values={startValues(action, task)}
      submission={save}
      onCancel={onClose}
    >
      {action.kind === 'progress' && (
        <>
          <DateField name="reported_on" label={t('detail.upd.reportedOn')} upToToday />
          <TextField name="body" label={t('detail.upd.body')} rows={4} max={20000} required />
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
          <DateField
            name="completed_on"
            label={t('detail.done.completedOn')}
            upToToday
            rules={[requiredChoice(t, t('detail.done.completedOn'))]}
          />
          <Form.Item name="result_doc_number" label={t('detail.done.resultNumber')}>
            <Input maxLength={100} placeholder="123/BC-SGTVT" />
          </Form.Item>
          <DateField name="result_doc_date" label={t('detail.done.resultDate')} />
          <TextField name="note" label={t('detail.done.note')} rows={3} max={4000} />
        </>
      )}
      {action.kind === 'extension' && (
        <>
          <Typography.Paragraph>
            {t('task.deadlineInForce')}: <strong>{inForce ? formatDate(inForce) : t('task.ongoing')}</strong>
          </Typography.Paragraph>
          <DateField name="requested_on" label={t('detail.ext.requestedOn')} upToToday />
          <Form.Item
            name="requested_deadline"
            label={t('detail.ext.requested')}
            rules={[
              requiredChoice(t, t('detail.ext.requested')),
              {
                validator: (_, d?: Dayjs) =>
                  !d || !inForce || d.isAfter(dayjs(inForce), 'day')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('fieldError.not_later'))),
              },
            ]}
          >
            <DatePicker
              format="DD/MM/YYYY"
              disabledDate={(d) => !!inForce && !d.isAfter(dayjs(inForce), 'day')}
              // Opens on the first day one may ask for, not on a month where every day is refused.
              defaultPickerValue={inForce ? dayjs(inForce).add(1, 'day') : undefined}
            />
          </Form.Item>
          <TextField name="reason" label={t('detail.ext.reason')} rows={4} max={4000} required />
        </>
      )}
      {action.kind === 'decide' && (
        <>
          <TextField name="note" label={t('detail.decision.note')} rows={3} max={4000} />
          <DateField name="decided_on" label={t('detail.decision.decidedOn')} upToToday />
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
          <TextField name="question" label={t('detail.expl.question')} rows={4} max={4000} required />
          <DateField name="requested_on" label={t('detail.expl.requestedOn')} upToToday />
        </>
      )}
      {action.kind === 'answer' && (
        <>
          <TextField name="answer" label={t('detail.expl.answer')} rows={5} max={20000} required />
          <DateField name="answered_on" label={t('detail.expl.answeredOn')} upToToday />
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
          <DateField name="cancelled_on" label={t('detail.cancel.date')} />
          <TextField name="reason" label={t('detail.cancel.reason')} rows={3} max={4000} required />
          <Form.Item name="approver_id" label={t('detail.cancel.approver')}>
            <Select
              allowClear
              showSearch
              options={personOptions(people)}
              filterOption={labelFilter}
            />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
