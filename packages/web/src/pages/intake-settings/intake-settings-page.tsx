import { Space } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../not-found-page';
import { CallerFlagsPage } from './caller-flags-page';
import { CategoriesPage } from './categories-page';
import { IntakeSettingsNav } from './intake-settings-nav';
import { PhrasesPage } from './phrases-page';
import { ScopeRulesPage } from './scope-rules-page';

/**
 * 受理配置 (supervisors and admins): the phrase library, the scope-of-acceptance rules, the category
 * taxonomy and caller flags — what the workbench reads while agents take calls.
 */
export function IntakeSettingsPage() {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <IntakeSettingsNav />
      <Routes>
        <Route index element={<PhrasesPage />} />
        <Route path="scope-rules" element={<ScopeRulesPage />} />
        <Route path="categories" element={<CategoriesPage />} />
        <Route path="caller-flags" element={<CallerFlagsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Space>
  );
}
