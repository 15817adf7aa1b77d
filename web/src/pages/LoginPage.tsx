import { useEffect } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { Role } from '../api/types';
import { homePath, useAuth } from '../auth/AuthProvider';
import { PageSpinner } from '../components/PageSpinner';
import { useT } from '../i18n';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { useSubmit } from '../lib/useSubmit';

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-site paths are accepted as return URLs. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

export default function LoginPage() {
  const t = useT();
  const { user, loading, login } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  // Without a page to return to, each role starts where its work is.
  const wanted = safeNext(params.get('next'));
  const next = (role: Role) => (wanted === '/' ? homePath(role) : wanted);
  const signIn = useSubmit(async (v: LoginForm) => {
    const me = await login(v.username.trim(), v.password);
    navigate(next(me.role), { replace: true });
  });
  const { busy, error } = signIn;

  useEffect(() => {
    document.title = `${t('login.title')} – ${t('app.name')}`;
  }, [t]);

  if (loading) return <PageSpinner />;
  if (user) return <Navigate to={next(user.role)} replace />;

  return (
    <main className="login-wrap">
      <Card className="login-card">
        <Space direction="vertical" size={4} style={{ width: '100%', marginBottom: 16 }}>
          <Space style={{ justifyContent: 'space-between', width: '100%' }}>
            <span className="app-brand">
              <span className="app-brand-mark" aria-hidden>
                GB
              </span>
              {t('app.name')}
            </span>
            <LanguageSwitch short />
          </Space>
          <Typography.Title level={1} style={{ fontSize: 24, margin: '12px 0 0' }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </Space>
        {error && (
          <Alert type="error" showIcon message={t('login.failed')} description={error} style={{ marginBottom: 16 }} role="alert" />
        )}
        {/* A refusal is about what was sent: once the fields change or are sent again, it is gone. */}
        <Form<LoginForm>
          layout="vertical"
          onFinish={signIn.run}
          onFinishFailed={() => signIn.setError(null)}
          onValuesChange={() => error && signIn.setError(null)}
          requiredMark={false}
          disabled={busy}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
