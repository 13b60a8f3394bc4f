import {
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  BookOutlined,
  CalendarOutlined,
  ClusterOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DeploymentUnitOutlined,
  FileAddOutlined,
  FileProtectOutlined,
  FolderOpenOutlined,
  InboxOutlined,
  LogoutOutlined,
  PhoneOutlined,
  SettingOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { Role } from '@huawu/domain';
import { App, Layout, Menu, type MenuProps, theme } from 'antd';
import type { ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { errorMessage } from '../api/client';
import { useAuth, useCurrentUser } from '../auth/auth-context';
import { NoticeBell } from './notice-bell';
import { UserBadge } from './user-badge';

interface NavItem {
  key: string;
  label: string;
  icon: ReactNode;
  testId: string;
  roles?: readonly Role[];
}

const NAV: NavItem[] = [
  {
    key: '/workbench',
    label: '受理台',
    icon: <CustomerServiceOutlined />,
    testId: 'nav-workbench',
    roles: ['agent', 'supervisor'],
  },
  {
    key: '/unit-inbox',
    label: '单位工作台',
    icon: <InboxOutlined />,
    testId: 'nav-unit-inbox',
    roles: ['unit_handler', 'unit_admin'],
  },
  {
    key: '/dispatch-desk',
    label: '派单台',
    icon: <DeploymentUnitOutlined />,
    testId: 'nav-dispatch-desk',
    roles: ['dispatcher', 'reviewer', 'supervisor', 'admin'],
  },
  {
    key: '/callback-desk',
    label: '回访台',
    icon: <PhoneOutlined />,
    testId: 'nav-callback-desk',
    roles: ['callback', 'reviewer', 'supervisor', 'admin'],
  },
  { key: '/orders', label: '工单列表', icon: <UnorderedListOutlined />, testId: 'nav-orders' },
  {
    key: '/orders/new',
    label: '新建工单',
    icon: <FileAddOutlined />,
    testId: 'nav-new-order',
    roles: ['agent', 'supervisor'],
  },
  { key: '/knowledge', label: '知识库', icon: <BookOutlined />, testId: 'nav-knowledge' },
  {
    key: '/accuracy',
    label: '指南准确度检查',
    icon: <AuditOutlined />,
    testId: 'nav-accuracy',
    roles: ['supervisor', 'inspector', 'admin', 'unit_admin', 'unit_handler'],
  },
  {
    key: '/intake-settings',
    label: '受理配置',
    icon: <SettingOutlined />,
    testId: 'nav-intake-settings',
    roles: ['admin', 'supervisor'],
  },
  {
    key: '/dispatch-catalogue',
    label: '派单目录',
    icon: <ApartmentOutlined />,
    testId: 'nav-dispatch-catalogue',
    roles: ['supervisor', 'admin', 'dispatcher'],
  },
  {
    key: '/unit-stats',
    label: '单位考核',
    icon: <DashboardOutlined />,
    testId: 'nav-unit-stats',
    roles: ['supervisor', 'admin', 'dispatcher'],
  },
  {
    key: '/archive',
    label: '档案查询',
    icon: <FolderOpenOutlined />,
    testId: 'nav-archive',
  },
  {
    key: '/closure-settings',
    label: '办结与归档规则',
    icon: <FileProtectOutlined />,
    testId: 'nav-closure-settings',
    roles: ['admin', 'supervisor'],
  },
  { key: '/units', label: '单位管理', icon: <ClusterOutlined />, testId: 'nav-units', roles: ['admin'] },
  {
    key: '/calendar',
    label: '工作日历',
    icon: <CalendarOutlined />,
    testId: 'nav-calendar',
    roles: ['admin', 'supervisor'],
  },
  {
    key: '/notifications',
    label: '通知设置',
    icon: <BellOutlined />,
    testId: 'nav-notifications',
    roles: ['admin'],
  },
];

function selectedKey(pathname: string): string {
  const prefixes = [
    '/workbench',
    '/knowledge',
    '/accuracy',
    '/intake-settings',
    '/notifications',
    '/dispatch-catalogue',
    '/dispatch-desk',
    '/callback-desk',
    '/closure-settings',
    '/archive',
    '/unit-inbox',
    '/unit-stats',
    '/units',
  ];
  for (const prefix of prefixes) if (pathname.startsWith(prefix)) return prefix;
  if (pathname.startsWith('/orders/new')) return '/orders/new';
  if (pathname.startsWith('/calendar')) return '/calendar';
  return '/orders';
}

export function AppLayout() {
  const user = useCurrentUser();
  const { logout } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const { token } = theme.useToken();

  const items: MenuProps['items'] = NAV.filter((item) => !item.roles || item.roles.includes(user.role)).map(
    (item) => ({
      key: item.key,
      icon: item.icon,
      label: <span data-testid={item.testId}>{item.label}</span>,
    }),
  );

  const onLogout = async () => {
    try {
      await logout();
    } catch (error) {
      message.error(errorMessage(error));
    }
    navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="dark" width={200}>
        <div
          style={{ color: '#fff', fontSize: 18, fontWeight: 600, padding: '16px 24px', whiteSpace: 'nowrap' }}
        >
          话务 · 12345
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedKey(location.pathname)]}
          items={items}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <NoticeBell />
          <UserBadge user={user} onLogout={onLogout} logoutIcon={<LogoutOutlined />} />
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
