import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';

const BASE = '/notifications';

const TABS = [
  { path: BASE, label: '模板', key: 'templates' },
  { path: `${BASE}/webhooks`, label: 'Webhook', key: 'webhooks' },
  { path: `${BASE}/deliveries`, label: '投递记录', key: 'deliveries' },
];

function activePath(pathname: string): string {
  return TABS.find((tab) => tab.path !== BASE && pathname.startsWith(tab.path))?.path ?? BASE;
}

/** The sub-navigation of 通知设置 (`notifications-tab-<key>` for tests). */
export function NotificationSettingsNav() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Segmented
      value={activePath(pathname)}
      onChange={(path) => navigate(path)}
      options={TABS.map((tab) => ({
        value: tab.path,
        label: <span data-testid={`notifications-tab-${tab.key}`}>{tab.label}</span>,
      }))}
      data-testid="notifications-nav"
    />
  );
}
