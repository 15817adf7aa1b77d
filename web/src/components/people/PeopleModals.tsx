import { useMemo } from 'react';
import { AutoComplete, Form, Input, Radio, Select, Switch, TreeSelect, Typography } from 'antd';
import { updateUser, type UserUpdate, type VersionedUser } from '../../api/users';
import { createPerson, createUser, updatePerson, type PersonUpdate } from '../../api/people';
import type { Organization, Person, Role, User, UserCreate } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import { changedTexts } from '../../lib/changes';
import { containsTyped, labelFilter, vnCollator } from '../../lib/format';
import { requiredChoice, requiredText } from '../../lib/formRules';
import { agencyOrgTree, orgPickerProps } from '../../lib/orgPicker';
import { useEditSubmit, useSubmit } from '../../lib/useSubmit';
import { FormModal, type DialogProps } from '../FormModal';

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

interface PersonProps extends DialogProps<Person> {
  open: boolean;
  organizations: Organization[];
  agencyId: number;
  defaultOrg?: number;
}

interface PersonValues {
  organization_id: number;
  full_name: string;
  position?: string;
  email?: string;
  phone?: string;
}

export function CreatePersonModal({ open, organizations, agencyId, defaultOrg, onClose, onDone }: PersonProps) {
  const t = useT();
  const [form] = Form.useForm<PersonValues>();
  const tree = useAgencyTree(organizations, agencyId);
  const save = useSubmit(
    async (v: PersonValues) =>
      onDone(
        await createPerson({
          organization_id: v.organization_id,
          full_name: v.full_name.trim(),
          position: v.position?.trim() || undefined,
          email: v.email?.trim() || undefined,
          phone: v.phone?.trim() || undefined,
        }),
      ),
    { form },
  );

  return (
    <FormModal
      open={open}
      title={t('ppl.newPerson')}
      okText={t('ppl.addPerson')}
      form={form}
      values={{ organization_id: defaultOrg }}
      submission={save}
      onCancel={onClose}
    >
      <PersonFields tree={tree} />
    </FormModal>
  );
}

type OrgTree = ReturnType<typeof useAgencyTree>;

/** A person's name and organisation, the fields every form about a person starts with. */
function NameAndOrgFields({ tree }: { tree: OrgTree }) {
  const t = useT();
  return (
    <>
      <Form.Item name="full_name" label={t('profile.fullName')} rules={[requiredText(t, t('profile.fullName'))]}>
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item name="organization_id" label={t('profile.organization')} rules={[requiredChoice(t, t('profile.organization'))]}>
        <TreeSelect {...orgPickerProps} treeData={tree} />
      </Form.Item>
    </>
  );
}

/** Name, organisation, position, e-mail and phone of a person (the create and edit forms). */
function PersonFields({ tree, activeSwitch }: { tree: OrgTree; activeSwitch?: boolean }) {
  const t = useT();
  return (
    <>
      <NameAndOrgFields tree={tree} />
      <Form.Item name="position" label={t('profile.position')}>
        <AutoComplete
          options={POSITIONS.map((p) => ({ value: p }))}
          filterOption={(typed, o) => containsTyped(o?.value, typed)}
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

interface EditPersonProps extends DialogProps<Person> {
  person: (Person & { version: number }) | null;
  organizations: Organization[];
  agencyId: number;
}

type EditPersonValues = PersonValues & { active: boolean };

function personChanges(person: Person, v: EditPersonValues): PersonUpdate {
  const body: PersonUpdate = changedTexts(person, v, ['full_name', 'position', 'email', 'phone']);
  if (v.organization_id !== person.organization_id) body.organization_id = v.organization_id;
  if (v.active !== person.active) body.active = v.active;
  return body;
}

/** Move, rename or retire a person (PATCH /people/{id}); retiring also locks their account. */
export function EditPersonModal({ person, organizations, agencyId, onClose, onDone }: EditPersonProps) {
  const t = useT();
  const [form] = Form.useForm<EditPersonValues>();
  const tree = useAgencyTree(organizations, agencyId);
  const save = useEditSubmit(person, personChanges, updatePerson, { form, staleMessage: t('ppl.stale'), onClose, onDone });

  return (
    <FormModal
      open={!!person}
      title={person ? t('ppl.editPersonTitle', { name: person.full_name }) : ''}
      okText={t('common.save')}
      form={form}
      values={
        person
          ? {
              full_name: person.full_name,
              organization_id: person.organization_id,
              position: person.position,
              email: person.email,
              phone: person.phone,
              active: person.active,
            }
          : undefined
      }
      submission={save}
      autoComplete="off"
      onCancel={onClose}
    >
      <PersonFields tree={tree} activeSwitch />
    </FormModal>
  );
}

interface UserProps extends DialogProps<User> {
  open: boolean;
  organizations: Organization[];
  people: Person[];
  users: User[];
  agencyId: number;
  /** An existing person to create the account for. */
  person?: Person | null;
}

export function CreateUserModal({ open, organizations, people, users, agencyId, person, onClose, onDone }: UserProps) {
  const t = useT();
  const [form] = Form.useForm();
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

  const save = useSubmit(
    async (v: Record<string, string | number | undefined>) => {
      const user: UserCreate = {
        username: String(v.username).trim(),
        password: String(v.password),
        role: v.role as Role,
      };
      if (v.mode === 'existing') user.person_id = Number(v.person_id);
      else {
        user.organization_id = Number(v.organization_id);
        user.full_name = String(v.full_name).trim();
        if (v.position) user.position = String(v.position).trim();
        if (v.email) user.email = String(v.email).trim();
      }
      onDone(await createUser(user));
    },
    { form },
  );

  return (
    <FormModal
      open={open}
      title={t('ppl.newUser')}
      okText={t('ppl.addUser')}
      form={form}
      values={{ mode: 'existing', person_id: person?.id, role: 'specialist' }}
      submission={save}
      autoComplete="off"
      onCancel={onClose}
    >
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
          rules={[requiredChoice(t, t('ppl.person'))]}
          extra={personOptions.length === 0 ? t('ppl.everyoneHasAccount') : undefined}
        >
          <Select
            showSearch
            options={personOptions}
            filterOption={labelFilter}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
      ) : (
        <>
          <NameAndOrgFields tree={tree} />
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
        rules={[requiredText(t, t('profile.username')), { pattern: /^[A-Za-z0-9._-]{3,64}$/, message: t('ppl.usernameInvalid') }]}
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
    </FormModal>
  );
}

interface EditUserProps extends DialogProps<VersionedUser> {
  user: (VersionedUser & { version: number }) | null;
  /** the signed-in admin: may not lock themselves or change their own role */
  selfId: number;
}

interface EditUserValues {
  role: Role;
  disabled: boolean;
  password?: string;
}

function userChanges(user: User, v: EditUserValues): UserUpdate {
  const body: UserUpdate = {};
  if (v.role !== user.role) body.role = v.role;
  if (v.disabled !== user.disabled) body.disabled = v.disabled;
  if (v.password) body.password = v.password;
  return body;
}

/** Change an account's role, lock or unlock it, reset its password (PATCH /users/{id}). */
export function EditUserModal({ user, selfId, onClose, onDone }: EditUserProps) {
  const t = useT();
  const [form] = Form.useForm<EditUserValues>();
  const self = user?.id === selfId;
  const save = useEditSubmit(user, userChanges, updateUser, { form, staleMessage: t('ppl.stale'), onClose, onDone });

  return (
    <FormModal
      open={!!user}
      title={user ? t('ppl.editUserTitle', { username: user.username }) : ''}
      okText={t('common.save')}
      form={form}
      values={user ? { role: user.role, disabled: user.disabled, password: '' } : undefined}
      submission={save}
      autoComplete="off"
      intro={
        user && (
          <Typography.Paragraph type="secondary">
            {[user.person.full_name, user.person.position, user.person.organization_name].filter(Boolean).join(' – ')}
          </Typography.Paragraph>
        )
      }
      onCancel={onClose}
    >
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
    </FormModal>
  );
}
