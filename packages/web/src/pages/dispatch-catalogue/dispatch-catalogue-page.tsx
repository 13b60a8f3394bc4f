import { Segmented, Space } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../auth/auth-context';
import { NotFoundPage } from '../not-found-page';
import { CatalogueTab } from './catalogue-tab';
import { OverridesTab } from './overrides-tab';

const BASE = '/dispatch-catalogue';
const OVERRIDES = `${BASE}/overrides`;

/**
 * 派单目录 (docs/DISPATCH.md): supervisors and admins maintain the catalogue behind the dispatch
 * suggestion and read the 改派记录; dispatchers see the catalogue only.
 */
export function DispatchCataloguePage() {
  const { role } = useCurrentUser();
  const editable = role === 'supervisor' || role === 'admin';
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {editable && (
        <Segmented
          value={pathname.startsWith(OVERRIDES) ? OVERRIDES : BASE}
          onChange={(path) => navigate(path)}
          options={[
            { value: BASE, label: <span data-testid="dispatch-tab-catalogue">目录</span> },
            { value: OVERRIDES, label: <span data-testid="dispatch-tab-overrides">改派记录</span> },
          ]}
          data-testid="dispatch-catalogue-nav"
        />
      )}
      <Routes>
        <Route index element={<CatalogueTab editable={editable} />} />
        {editable && <Route path="overrides" element={<OverridesTab />} />}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Space>
  );
}
