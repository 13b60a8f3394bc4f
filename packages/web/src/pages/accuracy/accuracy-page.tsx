import { mayViewRounds } from '@huawu/domain';
import { Segmented, Space } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../auth/auth-context';
import { NotFoundPage } from '../not-found-page';
import { PeriodReportPage } from './period-report-page';
import { PlanRoundPage } from './plan-round-page';
import { RoundDetailPage } from './round-detail-page';
import { RoundListPage } from './round-list-page';
import { TaskDetailPage } from './task-detail-page';
import { TaskListPage } from './task-list-page';

const TABS = [
  { path: '/accuracy', label: '检查轮次', key: 'rounds' },
  { path: '/accuracy/tasks', label: '整改任务', key: 'tasks' },
  { path: '/accuracy/report', label: '期间报告', key: 'report' },
];

function activePath(pathname: string): string {
  return TABS.find((tab) => tab.path !== '/accuracy' && pathname.startsWith(tab.path))?.path ?? '/accuracy';
}

/**
 * 指南准确度检查: rounds (plan, record checks, report) for the centre; correction tasks for the
 * centre and the units (a unit sees its own subtree's tasks only).
 */
export function AccuracyPage() {
  const user = useCurrentUser();
  const centre = mayViewRounds(user.role);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {centre && (
        <Segmented
          value={activePath(pathname)}
          onChange={(path) => navigate(path)}
          options={TABS.map((tab) => ({
            value: tab.path,
            label: <span data-testid={`accuracy-tab-${tab.key}`}>{tab.label}</span>,
          }))}
        />
      )}
      <Routes>
        <Route index element={centre ? <RoundListPage /> : <Navigate to="/accuracy/tasks" replace />} />
        <Route path="new" element={<PlanRoundPage />} />
        <Route path="rounds/:id" element={<RoundDetailPage />} />
        <Route path="tasks" element={<TaskListPage />} />
        <Route path="tasks/:id" element={<TaskDetailPage />} />
        <Route path="report" element={<PeriodReportPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Space>
  );
}
