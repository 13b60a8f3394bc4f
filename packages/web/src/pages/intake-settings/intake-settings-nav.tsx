import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';

const BASE = '/intake-settings';

const TABS = [
  { path: BASE, label: '服务用语', key: 'phrases' },
  { path: `${BASE}/scope-rules`, label: '受理范围规则', key: 'scope-rules' },
  { path: `${BASE}/categories`, label: '诉求分类', key: 'categories' },
  { path: `${BASE}/caller-flags`, label: '来电标记', key: 'caller-flags' },
];

function activePath(pathname: string): string {
  return TABS.find((tab) => tab.path !== BASE && pathname.startsWith(tab.path))?.path ?? BASE;
}

/** The sub-navigation of 受理配置 (a segmented control; `intake-tab-<key>` for tests). */
export function IntakeSettingsNav() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Segmented
      value={activePath(pathname)}
      onChange={(path) => navigate(path)}
      options={TABS.map((tab) => ({
        value: tab.path,
        label: <span data-testid={`intake-tab-${tab.key}`}>{tab.label}</span>,
      }))}
      data-testid="intake-settings-nav"
    />
  );
}
