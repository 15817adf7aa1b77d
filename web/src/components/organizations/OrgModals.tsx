import { useEffect, useMemo, useState } from 'react';
import { DatePicker, Form, Input, Select, Space, Typography, TreeSelect } from 'antd';
import { ExclamationCircleFilled } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { createOrganization, mergeOrganization, updateOrganization } from '../../api/organizations';
import type { Organization, OrganizationKind, OrganizationUpdate } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import { changedTexts } from '../../lib/changes';
import { formatDate, toIsoDate } from '../../lib/format';
import { requiredChoice, requiredText } from '../../lib/formRules';
import { agencyOrgTree, orgPickerProps, subtreeIds } from '../../lib/orgPicker';
import { staleRecord, useEditSubmit, useSubmit } from '../../lib/useSubmit';
import { FormModal, type DialogProps } from '../FormModal';

export const ORG_KINDS: OrganizationKind[] = ['committee', 'department', 'division', 'unit', 'office', 'other'];

interface CreateProps extends DialogProps<Organization> {
  parent: Organization | null;
}

interface CreateValues {
  kind: OrganizationKind;
  code: string;
  name: string;
  place_name?: string;
  valid_from?: Dayjs;
}

/** Add a unit under `parent`. */
export function CreateOrgModal({ parent, onClose, onDone }: CreateProps) {
  const t = useT();
  const [form] = Form.useForm<CreateValues>();
  const save = useSubmit(
    async (v: CreateValues) => {
      if (!parent) return;
      const org = await createOrganization({
        parent_id: parent.id,
        kind: v.kind,
        code: v.code.trim(),
        name: v.name.trim(),
        place_name: v.place_name?.trim() || undefined,
        valid_from: toIsoDate(v.valid_from),
      });
      onDone(org);
    },
    { form, byStatus: staleRecord(t('org.stale')) },
  );

  return (
    <FormModal
      open={!!parent}
      title={parent ? t('org.createTitle', { parent: parent.name }) : ''}
      okText={t('org.create')}
      form={form}
      values={{ kind: 'division' }}
      submission={save}
      onCancel={onClose}
    >
      <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true }]}>
        <Select options={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}` as MessageKey) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('org.name')} rules={[requiredText(t, t('org.name'))]}>
        <Input maxLength={300} placeholder={t('org.namePlaceholder')} />
      </Form.Item>
      <Form.Item name="code" label={t('org.code')} extra={t('org.codeHelp')} rules={[requiredText(t, t('org.code'))]}>
        <Input maxLength={32} placeholder="KHTC" />
      </Form.Item>
      <Form.Item name="place_name" label={t('org.place')} extra={t('org.placeHelp', { place: parent?.place_name ?? '' })}>
        <Input maxLength={100} placeholder={parent?.place_name} />
      </Form.Item>
      <Form.Item name="valid_from" label={t('org.validFrom')}>
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
    </FormModal>
  );
}

interface EditProps extends DialogProps<Organization> {
  org: Organization | null;
}

interface RenameValues {
  name: string;
  code: string;
  place_name?: string;
}

/** Rename: name, code, place name (PATCH with If-Match). */
export function RenameOrgModal({ org, onClose, onDone }: EditProps) {
  const t = useT();
  const [form] = Form.useForm<RenameValues>();
  const save = useEditSubmit(
    org,
    (o, v: RenameValues): OrganizationUpdate => changedTexts(o, v, ['name', 'code', 'place_name']),
    updateOrganization,
    { form, staleMessage: t('org.stale'), onClose, onDone },
  );

  return (
    <FormModal
      open={!!org}
      title={org ? t('org.renameTitle', { name: org.name }) : ''}
      okText={t('common.save')}
      form={form}
      values={org ? { name: org.name, code: org.code, place_name: org.place_name } : undefined}
      submission={save}
      intro={<Typography.Paragraph type="secondary">{t('org.renameHelp')}</Typography.Paragraph>}
      onCancel={onClose}
    >
      <Form.Item name="name" label={t('org.name')} rules={[requiredText(t, t('org.name'))]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="code" label={t('org.code')} rules={[requiredText(t, t('org.code'))]}>
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item name="place_name" label={t('org.place')}>
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}

// Where the organisations page and the people page have long found it.
export { subtreeIds };

interface MergeProps extends DialogProps<Organization> {
  org: Organization | null;
  organizations: Organization[];
  agencyId: number;
}

interface MergeValues {
  successor_id: number;
  effective_on?: Dayjs;
}

/**
 * Merge into a successor in two steps: choose the successor and the date, then confirm a text
 * saying what happens (the unit closes; its open tasks move to the successor; history stays).
 */
export function MergeOrgModal({ org, organizations, agencyId, onClose, onDone }: MergeProps) {
  const t = useT();
  const [form] = Form.useForm<MergeValues>();
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [choice, setChoice] = useState<{ successor: Organization; effectiveOn: string } | null>(null);

  useEffect(() => {
    if (org) {
      setStep('choose');
      setChoice(null);
    }
  }, [org]);

  const tree = useMemo(
    () => (org ? agencyOrgTree(organizations, agencyId, subtreeIds(organizations, org.id)) : []),
    [org, organizations, agencyId],
  );

  // One submission for both steps, so that a refused merge is told on the step it returns to.
  const save = useSubmit(
    async (v: MergeValues) => {
      if (step === 'choose') {
        const successor = organizations.find((o) => o.id === v.successor_id);
        if (!successor) return;
        setChoice({ successor, effectiveOn: toIsoDate(v.effective_on) ?? toIsoDate(dayjs())! });
        setStep('confirm');
        return;
      }
      if (!org || !choice) return;
      onDone(await mergeOrganization(org.id, org.version, { successor_id: choice.successor.id, effective_on: choice.effectiveOn }));
    },
    { form, byStatus: staleRecord(t('org.stale')), onError: () => setStep('choose') },
  );

  return (
    <FormModal
      open={!!org}
      title={org ? t('org.mergeTitle', { name: org.name }) : ''}
      okText={step === 'choose' ? t('org.mergeNext') : t('org.mergeConfirm')}
      danger={step === 'confirm'}
      cancelText={step === 'choose' ? t('common.cancel') : t('org.mergeBack')}
      onCancelButton={step === 'confirm' ? () => setStep('choose') : undefined}
      form={form}
      values={{ effective_on: dayjs() }}
      submission={save}
      onCancel={onClose}
    >
      <div style={{ display: step === 'choose' ? undefined : 'none' }}>
        <Form.Item name="successor_id" label={t('org.successor')} rules={[requiredChoice(t, t('org.successor'))]}>
          <TreeSelect {...orgPickerProps} treeData={tree} placeholder={t('org.successorPlaceholder')} />
        </Form.Item>
        <Form.Item name="effective_on" label={t('org.effectiveOn')}>
          <DatePicker format="DD/MM/YYYY" allowClear={false} />
        </Form.Item>
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
    </FormModal>
  );
}
