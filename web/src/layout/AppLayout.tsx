import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { Button, Grid, Layout, Space } from 'antd';
import { LogoutOutlined, MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { useAuth, useUser } from '../auth/AuthProvider';
import { PageSpinner } from '../components/PageSpinner';
import { useT, type MessageKey } from '../i18n';
import { useOrganizations } from '../lib/refData';
import { LanguageSwitch } from './LanguageSwitch';
import { NoticeBell } from './NoticeBell';
import { PageTitleProvider, useCurrentPageTitle } from './PageTitle';
import { SideMenu } from './SideMenu';

const MobileNav = lazy(() => import('./MobileNav'));

const { Header, Content } = Layout;

function Crumbs() {
  const t = useT();
  const location = useLocation();
  const pageTitle = useCurrentPageTitle();
  const parts = location.pathname.split('/').filter(Boolean);
  const crumbs: { title: React.ReactNode }[] = [{ title: <Link to="/">{t('nav.home')}</Link> }];
  const sections: Record<string, MessageKey> = {
    tasks: 'nav.tasks',
    sources: 'nav.sources',
    organizations: 'nav.organizations',
    people: 'nav.people',
    calendar: 'nav.calendar',
    'report-settings': 'nav.reportSettings',
    'unit-reports': 'nav.unitReports',
    reports: 'nav.reports',
    my: 'nav.my',
    profile: 'nav.profile',
  };
  if (parts.length === 0) {
    crumbs.push({ title: t('nav.dashboard') });
  } else {
    // The issued reports (/reports/issued/…) are a section of their own, as in the side menu.
    const issued = parts[0] === 'reports' && parts[1] === 'issued';
    // An import (/imports/…) belongs to the sources, as in the side menu.
    const imported = parts[0] === 'imports';
    const base = imported ? '/sources' : `/${parts.slice(0, issued ? 2 : 1).join('/')}`;
    const rest = parts.slice(issued ? 2 : 1);
    const section = issued ? 'nav.issuedReports' : imported ? 'nav.sources' : sections[parts[0]];
    if (section) {
      crumbs.push({ title: rest.length > 0 ? <Link to={base}>{t(section)}</Link> : t(section) });
    }
    if (rest.length > 0) {
      if (rest[0] === 'new') crumbs.push({ title: t('nav.newTask') });
      else {
        const label = pageTitle ?? `#${rest[0]}`;
        if (rest[1] === 'edit') {
          crumbs.push({ title: <Link to={`${base}/${rest[0]}`}>#{rest[0]}</Link> });
          crumbs.push({ title: t('detail.edit') });
        } else crumbs.push({ title: label });
      }
    }
  }
  return (
    <nav aria-label="breadcrumb" className="no-print">
      <ol className="app-breadcrumb">
        {crumbs.map((c, i) => (
          <li key={i} aria-current={i === crumbs.length - 1 ? 'page' : undefined}>
            {c.title}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The user's name, position and organisation (a link to the profile). */
function UserIdentity({ className }: { className: string }) {
  const t = useT();
  const user = useUser();
  const orgs = useOrganizations();
  const orgName = orgs.data?.find((o) => o.id === user.organization_id)?.name ?? '';
  const meta = [user.position, orgName].filter(Boolean).join(' · ');
  return (
    <Link
      to="/profile"
      className={className}
      aria-label={`${t('nav.profile')}: ${[user.full_name, meta].filter(Boolean).join(' · ')}`}
      title={[user.full_name, meta].filter(Boolean).join(' · ')}
      data-testid="app-user"
    >
      <span className="app-user-name">{user.full_name}</span>
      {/* The space keeps name and position apart in the link's text ("Bảo Giám đốc", not
          "BảoGiám đốc"), so its accessible name contains its visible text; the flex layout does
          not show it. */}
      {meta && (
        <>
          {' '}
          <span className="app-user-meta">{meta}</span>
        </>
      )}
    </Link>
  );
}

function UserBox({ compact }: { compact: boolean }) {
  const t = useT();
  const { logout } = useAuth();
  return (
    <Space size={compact ? 4 : 12} className="app-userbox" wrap={false}>
      {/* On narrow screens the identity is on its own line under the header (UserLine). */}
      {!compact && <UserIdentity className="app-user" />}
      <NoticeBell />
      <LanguageSwitch short={compact} />
      <Button icon={<LogoutOutlined />} onClick={() => void logout()} aria-label={t('nav.logout')} title={t('nav.logout')}>
        {compact ? null : t('nav.logout')}
      </Button>
    </Space>
  );
}

export function AppLayout() {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const mobile = screens.lg === false;
  const compact = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const location = useLocation();
  const brand = useMemo(
    () => (
      <Link to="/" className="app-brand">
        <span className="app-brand-mark" aria-hidden>
          GB
        </span>
        <span className="app-brand-text">{t('app.name')}</span>
      </Link>
    ),
    [t],
  );

  return (
    <PageTitleProvider>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Layout className="app-root">
        <Header className="app-header no-print">
          <Space size={8}>
            {mobile && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('app.menu')}
                onClick={() => setDrawerOpen(true)}
                className="app-menu-button"
              />
            )}
            {brand}
          </Space>
          <UserBox compact={compact} />
        </Header>
        {compact && <UserIdentity className="app-userline no-print" />}
        {/* hasSider: the sider is a plain <aside>, which antd's Layout does not detect by itself; without
            it the inner layout is a column and the menu sits above the page. */}
        <Layout hasSider={!mobile} className="app-body">
          {mobile ? (
            drawerOpen && (
              <Suspense fallback={null}>
                <MobileNav open={drawerOpen} onClose={() => setDrawerOpen(false)} />
              </Suspense>
            )
          ) : (
            <aside className={`app-sider no-print${collapsed ? ' app-sider-collapsed' : ''}`}>
              <SideMenu collapsed={collapsed} />
              <button
                type="button"
                className="app-sider-toggle"
                onClick={() => setCollapsed((c) => !c)}
                aria-label={collapsed ? t('app.expandMenu') : t('app.collapseMenu')}
                aria-expanded={!collapsed}
              >
                {collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              </button>
            </aside>
          )}
          <Content id="main" className="app-content" tabIndex={-1}>
            <Crumbs />
            <Suspense fallback={<PageSpinner />} key={location.pathname}>
              <Outlet />
            </Suspense>
          </Content>
        </Layout>
      </Layout>
      <div className="print-only print-footer">{t('app.name')}</div>
    </PageTitleProvider>
  );
}
