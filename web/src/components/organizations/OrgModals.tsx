import { useEffect, useMemo, useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select, Space, Typography, TreeSelect } from 'antd';
import { FormModal } from '../FormModal';
import { ExclamationCircleFilled } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../api/client';
import { createOrganization, mergeOrganization, updateOrganization } from '../../api/organizations';
import type { Organization, OrganizationKind, OrganizationUpdate } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import { applyFieldErrors } from '../../lib/formErrors';
import { formatDate, toIsoDate } from '../../lib/format';
import { agencyOrgTree, orgPickerProps } from '../../lib/orgPicker';
import { errorMessage } from '../ErrorAlert';

export const ORG_KINDS: OrganizationKind[] = ['committee', 'department', 'division', 'unit', 'office', 'other'];

function useSubmitError() {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const fail = (form: Parameters<typeof applyFieldErrors>[0] | null, e: unknown) => {
    const unmatched = form ? applyFieldErrors(form, e, t) : [];
    if (e instanceof ApiError && (e.status === 412 || e.status === 409)) setError(t('org.stale'));
    else if (!(e instanceof ApiError) || e.fields.length === 0 || unmatched.length || !form) setError(errorMessage(e));
    else setError(t('form.checkFields'));
  };
  return { error, setError, fail };
}

interface CreateProps {
  parent: Organization | null;
  onClose: () => void;
  onDone: (org: Organization) => void;
}

/** Add a unit under `parent`. */
export function CreateOrgModal({ parent, onClose, onDone }: CreateProps) {
  const t = useT();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const { error, setError, fail } = useSubmitError();

  useEffect(() => {
    if (parent) {
      form.resetFields();
      setError(null);
    }
  }, [parent, form, setError]);

  const submit = async () => {
    if (!parent) return;
    let v: { kind: OrganizationKind; code: string; name: string; place_name?: string; valid_from?: Dayjs };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const org = await createOrganization({
        parent_id: parent.id,
        kind: v.kind,
        code: v.code.trim(),
        name: v.name.trim(),
        place_name: v.place_name?.trim() || undefined,
        valid_from: toIsoDate(v.valid_from),
      });
      onDone(org);
    } catch (e) {
      fail(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal
      open={!!parent}
      title={parent ? t('org.createTitle', { parent: parent.name }) : ''}
      onCancel={onClose}
      onOk={submit}
      okText={t('org.create')}
      busy={busy}
      error={error}
    >
      <Form form={form} layout="vertical" disabled={busy} initialValues={{ kind: 'division' }}>
        <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true }]}>
          <Select options={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('org.name')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('org.name').toLowerCase() }) }]}
        >
          <Input maxLength={300} placeholder={t('org.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('org.code')}
          extra={t('org.codeHelp')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('org.code').toLowerCase() }) }]}
        >
          <Input maxLength={32} placeholder="KHTC" />
        </Form.Item>
        <Form.Item name="place_name" label={t('org.place')} extra={t('org.placeHelp', { place: parent?.place_name ?? '' })}>
          <Input maxLength={100} placeholder={parent?.place_name} />
        </Form.Item>
        <Form.Item name="valid_from" label={t('org.validFrom')}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface EditProps {
  org: Organization | null;
  onClose: () => void;
  onDone: (org: Organization) => void;
}

/** Rename: name, code, place name (PATCH with If-Match). */
export function RenameOrgModal({ org, onClose, onDone }: EditProps) {
  const t = useT();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const { error, setError, fail } = useSubmitError();

  useEffect(() => {
    if (org) {
      form.setFieldsValue({ name: org.name, code: org.code, place_name: org.place_name });
      setError(null);
    }
  }, [org, form, setError]);

  const submit = async () => {
    if (!org) return;
    let v: { name: string; code: string; place_name: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body: OrganizationUpdate = {};
    if (v.name.trim() !== org.name) body.name = v.name.trim();
    if (v.code.trim() !== org.code) body.code = v.code.trim();
    if ((v.place_name ?? '').trim() !== org.place_name) body.place_name = (v.place_name ?? '').trim();
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await updateOrganization(org.id, org.version, body));
    } catch (e) {
      fail(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal
      open={!!org}
      title={org ? t('org.renameTitle', { name: org.name }) : ''}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      busy={busy}
      error={error}
    >
      <Typography.Paragraph type="secondary">{t('org.renameHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" disabled={busy}>
        <Form.Item
          name="name"
          label={t('org.name')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('org.name').toLowerCase() }) }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('org.code')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('org.code').toLowerCase() }) }]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="place_name" label={t('org.place')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** The ids of `id` and everything below it. */
export function subtreeIds(orgs: Organization[], id: number): Set<number> {
  const out = new Set<number>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of orgs) {
      if (o.parent_id !== null && out.has(o.parent_id) && !out.has(o.id)) {
        out.add(o.id);
        grew = true;
      }
    }
  }
  return out;
}

interface MergeProps {
  org: Organization | null;
  organizations: Organization[];
  agencyId: number;
  onClose: () => void;
  onDone: (org: Organization) => void;
}

/**
 * Merge into a successor in two steps: choose the successor and the date, then confirm a text
 * saying what happens (the unit closes; its open tasks move to the successor; history stays).
 */
export function MergeOrgModal({ org, organizations, agencyId, onClose, onDone }: MergeProps) {
  const t = useT();
  const [form] = Form.useForm();
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [choice, setChoice] = useState<{ successor: Organization; effectiveOn: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const { error, setError, fail } = useSubmitError();

  useEffect(() => {
    if (org) {
      form.resetFields();
      form.setFieldsValue({ effective_on: dayjs() });
      setStep('choose');
      setChoice(null);
      setError(null);
    }
  }, [org, form, setError]);

  const tree = useMemo(
    () => (org ? agencyOrgTree(organizations, agencyId, subtreeIds(organizations, org.id)) : []),
    [org, organizations, agencyId],
  );

  const next = async () => {
    let v: { successor_id: number; effective_on?: Dayjs };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const successor = organizations.find((o) => o.id === v.successor_id);
    if (!successor) return;
    setChoice({ successor, effectiveOn: toIsoDate(v.effective_on) ?? toIsoDate(dayjs())! });
    setStep('confirm');
  };

  const confirm = async () => {
    if (!org || !choice) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await mergeOrganization(org.id, org.version, { successor_id: choice.successor.id, effective_on: choice.effectiveOn }));
    } catch (e) {
      setStep('choose');
      fail(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!org}
      title={org ? t('org.mergeTitle', { name: org.name }) : ''}
      onCancel={onClose}
      onOk={() => void (step === 'choose' ? next() : confirm())}
      okText={step === 'choose' ? t('org.mergeNext') : t('org.mergeConfirm')}
      okButtonProps={{ danger: step === 'confirm' }}
      cancelText={step === 'choose' ? t('common.cancel') : t('org.mergeBack')}
      cancelButtonProps={step === 'confirm' ? { onClick: () => setStep('choose') } : undefined}
      confirmLoading={busy}
      destroyOnHidden
      maskClosable={!busy}
    >
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
      <div style={{ display: step === 'choose' ? undefined : 'none' }}>
        <Form form={form} layout="vertical" disabled={busy}>
          <Form.Item
            name="successor_id"
            label={t('org.successor')}
            rules={[{ required: true, message: t('form.requiredSelect', { field: t('org.successor').toLowerCase() }) }]}
          >
            <TreeSelect {...orgPickerProps} treeData={tree} placeholder={t('org.successorPlaceholder')} />
          </Form.Item>
          <Form.Item name="effective_on" label={t('org.effectiveOn')}>
            <DatePicker format="DD/MM/YYYY" allowClear={false} />
          </Form.Item>
        </Form>
      </div>
      {step === 'confirm' && org && choice && (
        <div role="alert" data-testid="merge-confirmation">
          <Space align="start">
            <ExclamationCircleFilled style={{ color: '#ad4e00', fontSize: 22 }} aria-hidden />
            <div>
              <Typography.Paragraph strong>
                {t('org.mergeQuestion', {
                  name: org.name,
                  successor: choice.successor.name,
                  date: formatDate(choice.effectiveOn),
                })}
              </Typography.Paragraph>
              <ul className="org-merge-consequences">
                <li>{t('org.mergeClose', { name: org.name, date: formatDate(choice.effectiveOn) })}</li>
                <li>{t('org.mergeTasks', { name: org.name, successor: choice.successor.name })}</li>
                <li>{t('org.mergeHistory', { name: org.name })}</li>
                <li>{t('org.mergeIrreversible')}</li>
              </ul>
            </div>
          </Space>
        </div>
      )}
    </Modal>
  );
}
