import { Link, useLocation, useNavigate } from 'react-router-dom';
import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FormOutlined,
  InboxOutlined,
  SafetyCertificateOutlined,
  PlusOutlined,
  ProfileOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { canCreateTask, useUser } from '../auth/AuthProvider';
import { useT, type MessageKey } from '../i18n';

interface NavItem {
  path: string;
  label: MessageKey;
  icon: React.ReactNode;
  show?: boolean;
}

function useNavItems(): NavItem[] {
  const user = useUser();
  const items: NavItem[] = [
    { path: '/', label: 'nav.dashboard', icon: <DashboardOutlined /> },
    { path: '/my', label: 'nav.my', icon: <InboxOutlined /> },
    { path: '/tasks', label: 'nav.tasks', icon: <CheckSquareOutlined /> },
    { path: '/tasks/new', label: 'nav.newTask', icon: <PlusOutlined />, show: canCreateTask(user.role) },
    { path: '/sources', label: 'nav.sources', icon: <FileTextOutlined /> },
    { path: '/organizations', label: 'nav.organizations', icon: <ApartmentOutlined /> },
    { path: '/people', label: 'nav.people', icon: <TeamOutlined /> },
    { path: '/unit-reports', label: 'nav.unitReports', icon: <FormOutlined /> },
    { path: '/reports', label: 'nav.reports', icon: <FileDoneOutlined /> },
    { path: '/reports/issued', label: 'nav.issuedReports', icon: <SafetyCertificateOutlined /> },
    { path: '/calendar', label: 'nav.calendar', icon: <CalendarOutlined /> },
    { path: '/report-settings', label: 'nav.reportSettings', icon: <ProfileOutlined /> },
    { path: '/profile', label: 'nav.profile', icon: <UserOutlined /> },
  ];
  return items.filter((i) => i.show !== false);
}

function selectedKey(pathname: string, items: NavItem[]): string {
  let best = '/';
  for (const i of items) {
    if (i.path === '/') continue;
    if ((pathname === i.path || pathname.startsWith(i.path + '/')) && i.path.length > best.length) best = i.path;
  }
  if (pathname.startsWith('/tasks/') && pathname !== '/tasks/new') return '/tasks';
  // An import belongs to its source.
  if (pathname.startsWith('/imports/')) return '/sources';
  return best;
}

export function SideMenu({ onNavigate, collapsed }: { onNavigate?: () => void; collapsed?: boolean }) {
  const t = useT();
  const items = useNavItems();
  const location = useLocation();
  const navigate = useNavigate();
  const menuItems: MenuProps['items'] = items.map((i) => ({
    key: i.path,
    icon: i.icon,
    label: <Link to={i.path}>{t(i.label)}</Link>,
  }));
  return (
    <Menu
      mode="inline"
      inlineCollapsed={collapsed}
      selectedKeys={[selectedKey(location.pathname, items)]}
      items={menuItems}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}

