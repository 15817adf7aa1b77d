import { App, Button, Card, Col, Descriptions, Form, Input, Row } from 'antd';
import { useAuth, useUser } from '../auth/AuthProvider';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useT, type MessageKey } from '../i18n';
import { usePageTitle } from '../layout/PageTitle';
import { useOrganizations } from '../lib/refData';
import { useSubmit } from '../lib/useSubmit';

interface PasswordForm {
  old_password: string;
  new_password: string;
  confirm: string;
}

export default function ProfilePage() {
  const t = useT();
  const user = useUser();
  const { changePassword } = useAuth();
  const orgs = useOrganizations();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  usePageTitle(t('profile.title'));
  const orgName = orgs.data?.find((o) => o.id === user.organization_id)?.name ?? '';
  // A refusal of the old password is shown beside it; only other failures above the form.
  const save = useSubmit(
    async (v: PasswordForm) => {
      await changePassword({ old_password: v.old_password, new_password: v.new_password });
      form.resetFields();
      void message.success(t('profile.passwordChanged'));
    },
    { form, fieldsMessage: null },
  );

  return (
    <>
      <PageHeader title={t('profile.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('profile.account')}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('profile.fullName')}>{user.full_name}</Descriptions.Item>
              <Descriptions.Item label={t('profile.position')}>{user.position || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('profile.organization')}>{orgName || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('profile.role')}>{t(`role.${user.role}` as MessageKey)}</Descriptions.Item>
              <Descriptions.Item label={t('profile.username')}>{user.username}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('profile.changePassword')}>
            {save.error ? (
              <div style={{ marginBottom: 16 }}>
                <ErrorAlert error={save.error} />
              </div>
            ) : null}
            <Form<PasswordForm> form={form} layout="vertical" onFinish={save.run} disabled={save.busy}>
              <Form.Item
                name="old_password"
                label={t('profile.oldPassword')}
                rules={[{ required: true, message: t('form.required', { field: t('profile.oldPassword').toLowerCase() }) }]}
              >
                <Input.Password autoComplete="current-password" />
              </Form.Item>
              <Form.Item
                name="new_password"
                label={t('profile.newPassword')}
                rules={[
                  { required: true, message: t('form.required', { field: t('profile.newPassword').toLowerCase() }) },
                  { min: 8, message: t('profile.passwordTooShort') },
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                name="confirm"
                label={t('profile.confirmPassword')}
                dependencies={['new_password']}
                rules={[
                  { required: true, message: t('profile.passwordMismatch') },
                  ({ getFieldValue }) => ({
                    validator: (_, value) =>
                      !value || getFieldValue('new_password') === value
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('profile.passwordMismatch'))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={save.busy}>
                {t('profile.save')}
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}
