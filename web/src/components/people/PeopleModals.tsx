import { useEffect, useMemo, useState } from 'react';
import { AutoComplete, Form, Input, Radio, Select, Switch, TreeSelect, Typography } from 'antd';
import { FormModal } from '../FormModal';
import { updateUser, type UserUpdate, type VersionedUser } from '../../api/users';
import { ApiError } from '../../api/client';
import { createPerson, createUser, updatePerson, type PersonUpdate } from '../../api/people';
import type { Organization, Person, Role, User, UserCreate } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import { applyFieldErrors } from '../../lib/formErrors';
import { foldVietnamese, vnCollator } from '../../lib/format';
import { agencyOrgTree, orgPickerProps } from '../../lib/orgPicker';
import { errorMessage } from '../ErrorAlert';

export const ROLES: Role[] = ['admin', 'leader', 'consolidator', 'unit_head', 'specialist', 'viewer'];
export const POSITIONS = [
  'Giám đốc',
  'Phó Giám đốc',
  'Chánh Văn phòng',
  'Phó Chánh Văn phòng',
  'Chánh Thanh tra',
  'Trưởng phòng',
  'Phó Trưởng phòng',
  'Giám đốc Ban',
  'Giám đốc Trung tâm',
  'Chuyên viên chính',
  'Chuyên viên',
  'Thanh tra viên',
  'Kế toán',
  'Văn thư',
];

export function useAgencyTree(organizations: Organization[], agencyId: number) {
  return useMemo(() => agencyOrgTree(organizations, agencyId), [organizations, agencyId]);
}

function showError(
  form: Parameters<typeof applyFieldErrors>[0],
  e: unknown,
  t: ReturnType<typeof useT>,
  setError: (s: string | null) => void,
  aliases: Record<string, string> = {},
) {
  const unmatched = applyFieldErrors(form, e, t, aliases);
  if (!(e instanceof ApiError) || e.fields.length === 0 || unmatched.length) setError(errorMessage(e));
  else setError(t('form.checkFields'));
}

interface PersonProps {
  open: boolean;
  organizations: Organization[];
  agencyId: number;
  defaultOrg?: number;
  onClose: () => void;
  onDone: (p: Person) => void;
}

export function CreatePersonModal({ open, organizations, agencyId, defaultOrg, onClose, onDone }: PersonProps) {
  const t = useT();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tree = useAgencyTree(organizations, agencyId);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ organization_id: defaultOrg });
      setError(null);
    }
  }, [open, form, defaultOrg]);

  const submit = async () => {
    let v: { organization_id: number; full_name: string; position?: string; email?: string; phone?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(
        await createPerson({
          organization_id: v.organization_id,
          full_name: v.full_name.trim(),
          position: v.position?.trim() || undefined,
          email: v.email?.trim() || undefined,
          phone: v.phone?.trim() || undefined,
        }),
      );
    } catch (e) {
      showError(form, e, t, setError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal
      open={open}
      title={t('ppl.newPerson')}
      onCancel={onClose}
      onOk={submit}
      okText={t('ppl.addPerson')}
      busy={busy}
      error={error}
    >
      <Form form={form} layout="vertical" disabled={busy}>
        <PersonFields tree={tree} />
      </Form>
    </FormModal>
  );
}

/** Name, organisation, position, e-mail and phone of a person (the create and edit forms). */
function PersonFields({ tree, activeSwitch }: { tree: ReturnType<typeof useAgencyTree>; activeSwitch?: boolean }) {
  const t = useT();
  return (
    <>
    <Form.Item
      name="full_name"
      label={t('profile.fullName')}
      rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('profile.fullName').toLowerCase() }) }]}
    >
      <Input maxLength={200} autoComplete="off" />
    </Form.Item>
    <Form.Item
      name="organization_id"
      label={t('profile.organization')}
      rules={[{ required: true, message: t('form.requiredSelect', { field: t('profile.organization').toLowerCase() }) }]}
    >
      <TreeSelect {...orgPickerProps} treeData={tree} />
    </Form.Item>
    <Form.Item name="position" label={t('profile.position')}>
      <AutoComplete
        options={POSITIONS.map((p) => ({ value: p }))}
        filterOption={(input, o) => foldVietnamese(String(o?.value ?? '')).includes(foldVietnamese(input))}
        maxLength={200}
      />
    </Form.Item>
    <div className="pages-form-row">
      <Form.Item name="email" label={t('ppl.email')} rules={[{ type: 'email', message: t('ppl.emailInvalid') }]} style={{ flex: 1, minWidth: 200 }}>
        <Input maxLength={200} type="email" autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={t('ppl.phone')} style={{ flex: 1, minWidth: 160 }}>
        <Input maxLength={50} type="tel" autoComplete="off" />
      </Form.Item>
    </div>
      {activeSwitch && (
        <Form.Item name="active" label={t('ppl.active')} valuePropName="checked" extra={t('ppl.activeHelp')}>
          <Switch checkedChildren={t('ppl.activeOn')} unCheckedChildren={t('ppl.activeOff')} />
        </Form.Item>
      )}
    </>
  );
}

interface EditPersonProps {
  person: (Person & { version: number }) | null;
  organizations: Organization[];
  agencyId: number;
  onClose: () => void;
  onDone: (p: Person) => void;
}

/** Move, rename or retire a person (PATCH /people/{id}); retiring also locks their account. */
export function EditPersonModal({ person, organizations, agencyId, onClose, onDone }: EditPersonProps) {
  const t = useT();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tree = useAgencyTree(organizations, agencyId);

  useEffect(() => {
    if (person) {
      form.resetFields();
      form.setFieldsValue({
        full_name: person.full_name,
        organization_id: person.organization_id,
        position: person.position,
        email: person.email,
        phone: person.phone,
        active: person.active,
      });
      setError(null);
    }
  }, [person, form]);

  const submit = async () => {
    if (!person) return;
    let v: { organization_id: number; full_name: string; position?: string; email?: string; phone?: string; active: boolean };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body: PersonUpdate = {};
    if (v.organization_id !== person.organization_id) body.organization_id = v.organization_id;
    const text = (k: 'full_name' | 'position' | 'email' | 'phone') => {
      const next = (v[k] ?? '').trim();
      if (next !== (person[k] ?? '')) body[k] = next;
    };
    text('full_name');
    text('position');
    text('email');
    text('phone');
    if (v.active !== person.active) body.active = v.active;
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await updatePerson(person.id, person.version, body));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 412 || e.status === 409)) setError(t('ppl.stale'));
      else showError(form, e, t, setError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal
      open={!!person}
      title={person ? t('ppl.editPersonTitle', { name: person.full_name }) : ''}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      busy={busy}
      error={error}
    >
      <Form form={form} layout="vertical" disabled={busy} autoComplete="off">
        <PersonFields tree={tree} activeSwitch />
      </Form>
    </FormModal>
  );
}

interface UserProps {
  open: boolean;
  organizations: Organization[];
  people: Person[];
  users: User[];
  agencyId: number;
  /** An existing person to create the account for. */
  person?: Person | null;
  onClose: () => void;
  onDone: (u: User) => void;
}

export function CreateUserModal({ open, organizations, people, users, agencyId, person, onClose, onDone }: UserProps) {
  const t = useT();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mode = Form.useWatch('mode', form) as 'existing' | 'new' | undefined;
  const tree = useAgencyTree(organizations, agencyId);
  const withAccount = useMemo(() => new Set(users.map((u) => u.person.id)), [users]);
  const personOptions = useMemo(
    () =>
      people
        .filter((p) => p.active && !withAccount.has(p.id))
        .sort((a, b) => vnCollator.compare(a.full_name, b.full_name))
        .map((p) => ({
          value: p.id,
          label: [p.full_name, p.position, p.organization_name].filter(Boolean).join(' – '),
        })),
    [people, withAccount],
  );

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ mode: 'existing', person_id: person?.id, role: 'specialist' });
      setError(null);
    }
  }, [open, form, person]);

  const submit = async () => {
    let v: Record<string, string | number | undefined>;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body: UserCreate = {
      username: String(v.username).trim(),
      password: String(v.password),
      role: v.role as Role,
    };
    if (v.mode === 'existing') body.person_id = Number(v.person_id);
    else {
      body.organization_id = Number(v.organization_id);
      body.full_name = String(v.full_name).trim();
      if (v.position) body.position = String(v.position).trim();
      if (v.email) body.email = String(v.email).trim();
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await createUser(body));
    } catch (e) {
      showError(form, e, t, setError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal
      open={open}
      title={t('ppl.newUser')}
      onCancel={onClose}
      onOk={submit}
      okText={t('ppl.addUser')}
      busy={busy}
      error={error}
    >
      <Form form={form} layout="vertical" disabled={busy} autoComplete="off">
        <Form.Item name="mode" label={t('ppl.accountFor')}>
          <Radio.Group
            options={[
              { value: 'existing', label: t('ppl.existingPerson') },
              { value: 'new', label: t('ppl.newPersonOption') },
            ]}
          />
        </Form.Item>
        {mode !== 'new' ? (
          <Form.Item
            name="person_id"
            label={t('ppl.person')}
            rules={[{ required: true, message: t('form.requiredSelect', { field: t('ppl.person').toLowerCase() }) }]}
            extra={personOptions.length === 0 ? t('ppl.everyoneHasAccount') : undefined}
          >
            <Select
              showSearch
              options={personOptions}
              filterOption={(input, o) => foldVietnamese(String(o?.label ?? '')).includes(foldVietnamese(input))}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="full_name"
              label={t('profile.fullName')}
              rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('profile.fullName').toLowerCase() }) }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name="organization_id"
              label={t('profile.organization')}
              rules={[{ required: true, message: t('form.requiredSelect', { field: t('profile.organization').toLowerCase() }) }]}
            >
              <TreeSelect {...orgPickerProps} treeData={tree} />
            </Form.Item>
            <Form.Item name="position" label={t('profile.position')}>
              <AutoComplete options={POSITIONS.map((p) => ({ value: p }))} maxLength={200} />
            </Form.Item>
            <Form.Item name="email" label={t('ppl.email')} rules={[{ type: 'email', message: t('ppl.emailInvalid') }]}>
              <Input maxLength={200} type="email" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="username"
          label={t('profile.username')}
          extra={t('ppl.usernameHelp')}
          rules={[
            { required: true, whitespace: true, message: t('form.required', { field: t('profile.username').toLowerCase() }) },
            { pattern: /^[A-Za-z0-9._-]{3,64}$/, message: t('ppl.usernameInvalid') },
          ]}
        >
          <Input maxLength={64} autoComplete="off" placeholder="cv.lan" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('ppl.initialPassword')}
          extra={t('ppl.passwordHelp')}
          rules={[
            { required: true, message: t('form.required', { field: t('ppl.initialPassword').toLowerCase() }) },
            { min: 8, message: t('profile.passwordTooShort') },
          ]}
        >
          <Input.Password maxLength={256} autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label={t('profile.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface EditUserProps {
  user: (VersionedUser & { version: number }) | null;
  /** the signed-in admin: may not lock themselves or change their own role */
  selfId: number;
  onClose: () => void;
  onDone: (u: VersionedUser) => void;
}

/** Change an account's role, lock or unlock it, reset its password (PATCH /users/{id}). */
export function EditUserModal({ user, selfId, onClose, onDone }: EditUserProps) {
  const t = useT();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const self = user?.id === selfId;

  useEffect(() => {
    if (user) {
      form.resetFields();
      form.setFieldsValue({ role: user.role, disabled: user.disabled, password: '' });
      setError(null);
    }
  }, [user, form]);

  const submit = async () => {
    if (!user) return;
    let v: { role: Role; disabled: boolean; password?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body: UserUpdate = {};
    if (v.role !== user.role) body.role = v.role;
    if (v.disabled !== user.disabled) body.disabled = v.disabled;
    if (v.password) body.password = v.password;
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await updateUser(user.id, user.version, body));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 412 || e.status === 409)) setError(t('ppl.stale'));
      else showError(form, e, t, setError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal
      open={!!user}
      title={user ? t('ppl.editUserTitle', { username: user.username }) : ''}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      busy={busy}
      error={error}
    >
      {user && (
        <Typography.Paragraph type="secondary">
          {[user.person.full_name, user.person.position, user.person.organization_name].filter(Boolean).join(' – ')}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" disabled={busy} autoComplete="off">
        <Form.Item name="role" label={t('profile.role')} extra={self ? t('ppl.selfHelp') : undefined}>
          <Select disabled={self} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="disabled" label={t('ppl.lock')} valuePropName="checked" extra={t('ppl.lockHelp')}>
          <Switch disabled={self} checkedChildren={t('ppl.disabled')} unCheckedChildren={t('ppl.enabled')} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('ppl.resetPassword')}
          extra={t('ppl.resetPasswordHelp')}
          rules={[{ min: 8, message: t('profile.passwordTooShort') }]}
        >
          <Input.Password maxLength={256} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
