import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import type { User } from '../../api/types';
import { useCurrentUser } from '../../auth/auth-context';
import { canImport, canResolveGaps, isCentreEditor, seesDrafts } from './kb-roles';
import { canEditSynonyms } from './synonym-roles';

interface Tab {
  path: string;
  label: string;
  key: string;
  visible: (user: User) => boolean;
}

const TABS: Tab[] = [
  { path: '/knowledge', label: '检索', key: 'search', visible: () => true },
  { path: '/knowledge/review', label: '审核队列', key: 'review', visible: isCentreEditor },
  { path: '/knowledge/stale', label: '待复审', key: 'stale', visible: seesDrafts },
  { path: '/knowledge/gaps', label: '知识缺口', key: 'gaps', visible: canResolveGaps },
  { path: '/knowledge/import', label: '导入导出', key: 'import', visible: canImport },
  { path: '/knowledge/synonyms', label: '同义词', key: 'synonyms', visible: canEditSynonyms },
];

function activePath(pathname: string): string {
  const match = TABS.find((tab) => tab.path !== '/knowledge' && pathname.startsWith(tab.path));
  return match?.path ?? '/knowledge';
}

/** The knowledge base's own sub-navigation (a segmented control; `kb-tab-<key>` for tests). */
export function KnowledgeNav() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tabs = TABS.filter((tab) => tab.visible(user));
  if (tabs.length < 2) return null;
  return (
    <Segmented
      value={activePath(pathname)}
      onChange={(path) => navigate(path)}
      options={tabs.map((tab) => ({
        value: tab.path,
        label: <span data-testid={`kb-tab-${tab.key}`}>{tab.label}</span>,
      }))}
      data-testid="kb-nav"
    />
  );
}
