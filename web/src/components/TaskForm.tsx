import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Switch, TreeSelect, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { listTasks } from '../api/tasks';
import type { Organization, Person, Source, Task, TaskCreate } from '../api/types';
import { useLang, useT, type MessageKey } from '../i18n';
import {
  deadlineFor,
  docNumberText,
  formatDate,
  fromIsoDate,
  labelFilter,
  taskDeadlineText,
  toIsoDate,
  type DeadlineKind,
} from '../lib/format';
import { orgPickerProps, taskUnitTree, type OrgPickNode } from '../lib/orgPicker';
import { usePickerOptions } from '../lib/refData';
import { useLoad } from '../lib/useLoad';
import { useSubmit } from '../lib/useSubmit';

export interface TaskFormValues {
  source_id?: number;
  title?: string;
  content?: string;
  lead_org_id?: number;
  cooperator_ids?: number[];
  leader_id?: number | null;
  assignee_ids?: number[];
  product?: string;
  assigned_on?: Dayjs | null;
  deadline_kind: DeadlineKind;
  deadline_date?: Dayjs | null;
  deadline_period?: Dayjs | null;
  is_key?: boolean;
  restricted?: boolean;
  parent_id?: number | null;
}

export interface TaskFormProps {
  mode: 'create' | 'edit';
  /** The task being edited (edit mode). */
  task?: Task;
  /** Prefilled values for a new task (e.g. parent, lead unit). */
  defaults?: Partial<TaskFormValues>;
  organizations?: Organization[];
  /** The agency a new task belongs to (an edited task keeps its own). */
  agencyId: number;
  /** The unit whose subtree the lead must be in (a unit head's own unit). */
  leadWithin?: number;
  people?: Person[];
  sources?: Source[];
  /** Sends the request; throw the ApiError to have its `fields` shown next to the inputs. */
  onSubmit: (body: TaskCreate) => Promise<void>;
  onCancel?: () => void;
  /** "#7 · title" of the prefilled parent task. */
  parentLabel?: string;
}

/** What a task form edits of `task`, as the API names it. */
export function editableFields(task: Task) {
  return {
    source_id: task.source_id,
    parent_id: task.parent_id,
    title: task.title,
    content: task.content,
    is_key: task.is_key,
    restricted: task.restricted,
    lead_org_id: task.lead_org.id,
    cooperator_ids: task.cooperators.map((c) => c.id),
    leader_id: task.leader?.id ?? null,
    assignee_ids: task.assignees.map((a) => a.id),
    product: task.product,
    assigned_on: task.assigned_on,
  };
}

function valuesFromTask(task: Task): TaskFormValues {
  return {
    ...editableFields(task),
    assigned_on: fromIsoDate(task.assigned_on),
    deadline_kind: task.deadline ? 'date' : 'none',
    deadline_date: fromIsoDate(task.deadline),
  };
}

/** The request body for the form's values. */
export function bodyFromValues(v: TaskFormValues, lang: 'vi' | 'en' = 'vi'): TaskCreate {
  const dl =
    v.deadline_kind === 'date'
      ? deadlineFor('date', { date: toIsoDate(v.deadline_date ?? null) })
      : v.deadline_kind === 'none'
        ? deadlineFor('none', {})
        : deadlineFor(
            v.deadline_kind,
            {
              year: v.deadline_period?.year(),
              month: v.deadline_period ? v.deadline_period.month() + 1 : undefined,
              quarter: v.deadline_period ? Math.floor(v.deadline_period.month() / 3) + 1 : undefined,
            },
            lang,
          );
  const body: TaskCreate = {
    source_id: v.source_id!,
    title: (v.title ?? '').trim(),
    content: v.content ?? '',
    lead_org_id: v.lead_org_id!,
    cooperator_ids: v.cooperator_ids ?? [],
    leader_id: v.leader_id ?? null,
    assignee_ids: v.assignee_ids ?? [],
    product: v.product ?? '',
    is_key: !!v.is_key,
    restricted: !!v.restricted,
    parent_id: v.parent_id ?? null,
    deadline: dl?.deadline ?? null,
    deadline_label: dl && v.deadline_kind !== 'date' && v.deadline_kind !== 'none' ? dl.label : '',
  };
  const assigned = toIsoDate(v.assigned_on ?? null);
  if (assigned) body.assigned_on = assigned;
  return body;
}

function ParentSelect({
  value,
  onChange,
  excludeId,
  knownLabel,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  excludeId?: number;
  /** The label of the initial parent, when the page knows it. */
  knownLabel?: string;
}) {
  const t = useT();
  // What was typed, once the typing pauses; null until the box is first used.
  const [query, setQuery] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const found = useLoad(
    query === null
      ? null
      : (signal) => {
          const params = new URLSearchParams({ page_size: '20', sort: '-assigned_on' });
          if (query) params.set('q', query);
          return listTasks(params, signal).then((page) =>
            page.items.filter((x) => x.id !== excludeId).map((x) => ({ value: x.id, label: `#${x.id} · ${x.title}` })),
          );
        },
    [query, excludeId],
  );
  const options = found.data ?? [];
  const loading = found.loading;

  const search = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setQuery(q.trim()), 300);
  };

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const shown =
    value && !options.some((o) => o.value === value) ? [{ value, label: knownLabel ?? `#${value}` }, ...options] : options;
  return (
    <Select
      id="parent_id"
      showSearch
      allowClear
      value={value ?? undefined}
      placeholder={t('form.parentPlaceholder')}
      filterOption={false}
      onSearch={search}
      onFocus={() => options.length === 0 && search('')}
      onChange={(v?: number) => onChange?.(v ?? null)}
      options={shown}
      loading={loading}
      notFoundContent={loading ? t('common.loading') : t('common.noData')}
    />
  );
}

export function TaskForm({
  mode,
  task,
  defaults,
  organizations = [],
  agencyId,
  leadWithin,
  people = [],
  sources = [],
  onSubmit,
  onCancel,
  parentLabel,
}: TaskFormProps) {
  const t = useT();
  const [lang] = useLang();
  const [form] = Form.useForm<TaskFormValues>();
  const initial = useMemo<TaskFormValues>(
    () =>
      task
        ? valuesFromTask(task)
        : {
            deadline_kind: 'date',
            assigned_on: dayjs(),
            is_key: false,
            restricted: false,
            cooperator_ids: [],
            assignee_ids: [],
            ...defaults,
          },
    // `defaults` is a new object every render; a new task (a reload after a 412) is what counts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [task],
  );

  // initialValues covers the first render; later (a reload after a 412) the form is reset to the
  // task as the server has it now.
  const firstInitial = useRef(initial);
  useEffect(() => {
    if (initial === firstInitial.current) return;
    form.resetFields();
    form.setFieldsValue(initial);
  }, [form, initial]);

  const { peopleOptions, sourceOptions } = usePickerOptions(people, sources);
  const taskAgency = task?.agency_id ?? agencyId;
  const leadTree = useMemo(
    () => taskUnitTree(organizations, taskAgency, { within: leadWithin, keep: task ? [task.lead_org.id] : [] }),
    [organizations, taskAgency, leadWithin, task],
  );
  const cooperatorTree = useMemo(
    () => taskUnitTree(organizations, taskAgency, { keep: task?.cooperators.map((c) => c.id) }),
    [organizations, taskAgency, task],
  );

  const sourceId = Form.useWatch('source_id', form);
  const deadlineKind = Form.useWatch('deadline_kind', form) ?? 'date';
  const period = Form.useWatch('deadline_period', form);
  const leadOrg = Form.useWatch('lead_org_id', form);
  const source = sources.find((s) => s.id === sourceId) ?? (task && task.source.id === sourceId ? task.source : undefined);

  const computed =
    deadlineKind === 'month' || deadlineKind === 'quarter' || deadlineKind === 'year'
      ? deadlineFor(deadlineKind, {
          year: period?.year(),
          month: period ? period.month() + 1 : undefined,
          quarter: period ? Math.floor(period.month() / 3) + 1 : undefined,
        }, lang)
      : null;

  const label = (key: MessageKey) => t(key).toLowerCase();
  const requiredSelect = (key: MessageKey) => ({ required: true, message: t('form.requiredSelect', { field: label(key) }) });

  const save = useSubmit((v: TaskFormValues) => onSubmit(bodyFromValues(v, lang)), {
    form,
    aliases: { deadline: deadlineKind === 'date' ? 'deadline_date' : 'deadline_period', deadline_label: 'deadline_period' },
  });
  const { busy, error } = save;

  const locked = mode === 'edit';

  return (
    <Form<TaskFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={save.run}
      onFinishFailed={() => save.setError(t('form.checkFields'))}
      disabled={busy}
      scrollToFirstError
      aria-label={mode === 'create' ? t('form.newTitle') : t('form.editTitle', { id: task?.id ?? '' })}
    >
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form.Item name="source_id" label={t('form.source')} rules={[requiredSelect('task.source')]}>
          <Select
            showSearch
            placeholder={t('form.sourcePlaceholder')}
            options={sourceOptions}
            filterOption={labelFilter}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        {source && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
            {t(`sourceKind.${source.kind}` as MessageKey)} · {docNumberText(t, source.doc_number, source.doc_date) ?? '—'}
            {source.issuer ? ` · ${t('task.issuedBy')}: ${source.issuer}` : ''}
          </Typography.Paragraph>
        )}
        <Form.Item
          name="title"
          label={t('task.title')}
          rules={[
            { required: true, whitespace: true, message: t('form.required', { field: label('task.title') }) },
            { max: 1000, message: t('form.tooLong', { field: t('task.title'), max: 1000 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="content" label={t('task.content')} rules={[{ max: 20000, message: t('form.tooLong', { field: t('task.content'), max: 20000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="product" label={t('task.product')} rules={[{ max: 500, message: t('form.tooLong', { field: t('task.product'), max: 500 }) }]}>
              <Input placeholder={t('form.productPlaceholder')} maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="parent_id" label={t('task.parent')}>
              <ParentSelect excludeId={task?.id} knownLabel={parentLabel} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="lead_org_id" label={t('task.leadOrg')} extra={t('form.leadOrgHelp')} rules={[requiredSelect('task.leadOrg')]}>
              <TreeSelect {...orgPickerProps} placeholder={t('form.leadOrgPlaceholder')} treeData={leadTree} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="cooperator_ids"
              label={t('task.cooperators')}
              dependencies={['lead_org_id']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, ids?: number[]) =>
                    ids && ids.includes(getFieldValue('lead_org_id'))
                      ? Promise.reject(new Error(t('form.cooperatorsIncludeLead')))
                      : Promise.resolve(),
                }),
              ]}
            >
              <TreeSelect
                {...orgPickerProps}
                multiple
                allowClear
                placeholder={t('form.cooperatorsPlaceholder')}
                treeData={cooperatorTree.map(function disable(n): OrgPickNode & { disabled: boolean } {
                  return { ...n, disabled: n.value === leadOrg, children: n.children?.map(disable) };
                })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="leader_id" label={t('task.leader')}>
              <Select
                allowClear
                showSearch
                placeholder={t('form.leaderPlaceholder')}
                options={peopleOptions}
                filterOption={labelFilter}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="assignee_ids" label={t('task.assignees')}>
              <Select
                mode="multiple"
                allowClear
                showSearch
                placeholder={t('form.assigneesPlaceholder')}
                options={peopleOptions}
                filterOption={labelFilter}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="assigned_on" label={t('task.assignedOn')}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            {locked && task ? (
              <Form.Item label={t('task.deadline')} extra={t('form.deadlineLocked')}>
                <Typography.Text strong>
                  {taskDeadlineText(t, task)}
                </Typography.Text>
              </Form.Item>
            ) : (
              <>
                <Form.Item name="deadline_kind" label={t('form.deadlineKind')}>
                  <Radio.Group
                    optionType="button"
                    options={(['date', 'month', 'quarter', 'year', 'none'] as const).map((k) => ({
                      value: k,
                      label: t(`form.deadlineKind.${k}` as MessageKey),
                    }))}
                  />
                </Form.Item>
                {deadlineKind === 'date' && (
                  <Form.Item
                    name="deadline_date"
                    label={t('form.deadlineDate')}
                    dependencies={['assigned_on']}
                    rules={[
                      requiredSelect('form.deadlineDate'),
                      ({ getFieldValue }) => ({
                        validator: (_, d?: Dayjs | null) => {
                          const a = getFieldValue('assigned_on') as Dayjs | null | undefined;
                          return d && a && d.isBefore(a, 'day')
                            ? Promise.reject(new Error(t('form.deadlineBeforeAssigned')))
                            : Promise.resolve();
                        },
                      }),
                    ]}
                  >
                    <DatePicker format="DD/MM/YYYY" style={{ width: 200 }} />
                  </Form.Item>
                )}
                {(deadlineKind === 'month' || deadlineKind === 'quarter' || deadlineKind === 'year') && (
                  <Form.Item
                    name="deadline_period"
                    label={t(deadlineKind === 'month' ? 'form.deadlineMonth' : deadlineKind === 'quarter' ? 'form.deadlineQuarter' : 'form.deadlineYear')}
                    rules={[
                      requiredSelect(
                        deadlineKind === 'month' ? 'form.deadlineMonth' : deadlineKind === 'quarter' ? 'form.deadlineQuarter' : 'form.deadlineYear',
                      ),
                    ]}
                    extra={computed ? t('form.deadlineComputed', { date: formatDate(computed.deadline), label: computed.label }) : undefined}
                  >
                    <DatePicker
                      picker={deadlineKind}
                      format={deadlineKind === 'month' ? 'MM/YYYY' : deadlineKind === 'year' ? 'YYYY' : t('list.quarterFormat')}
                      style={{ width: 200 }}
                    />
                  </Form.Item>
                )}
                {deadlineKind === 'none' && <Typography.Paragraph type="secondary">{t('form.deadlineOngoing')}</Typography.Paragraph>}
              </>
            )}
          </Col>
        </Row>
        <Space size={32} wrap>
          <Form.Item name="is_key" label={t('task.isKey')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="restricted" label={t('task.restricted')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Card>

      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {mode === 'create' ? t('form.create') : t('form.save')}
        </Button>
        {onCancel && (
          <Button onClick={onCancel} disabled={busy}>
            {t('form.cancel')}
          </Button>
        )}
      </Space>
    </Form>
  );
}
