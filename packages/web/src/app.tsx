import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth/auth-context';
import { RequireAuth } from './auth/require-auth';
import { SessionRedirect } from './auth/session-redirect';
import { AppLayout } from './components/app-layout';
import { AccuracyPage } from './pages/accuracy/accuracy-page';
import { ArchivePage } from './pages/archive/archive-page';
import { CallbackDeskPage } from './pages/callback-desk/callback-desk-page';
import { CalendarPage } from './pages/calendar-page';
import { ClosureSettingsPage } from './pages/closure-settings/closure-settings-page';
import { DispatchCataloguePage } from './pages/dispatch-catalogue/dispatch-catalogue-page';
import { DispatchDeskPage } from './pages/dispatch-desk/dispatch-desk-page';
import { IntakeSettingsPage } from './pages/intake-settings/intake-settings-page';
import { KnowledgePage } from './pages/knowledge/knowledge-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { NotificationSettingsPage } from './pages/notifications/notification-settings-page';
import { OrderCreatePage } from './pages/order-create/order-create-page';
import { OrderDetailPage } from './pages/order-detail/order-detail-page';
import { OrderListPage } from './pages/order-list/order-list-page';
import { PublicLookupPage } from './pages/public-lookup/public-lookup-page';
import { UnitInboxPage } from './pages/unit-inbox/unit-inbox-page';
import { UnitStatsPage } from './pages/unit-stats/unit-stats-page';
import { UnitsPage } from './pages/units/units-page';
import { WorkbenchPage } from './pages/workbench/workbench-page';

export function App() {
  return (
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }}>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <SessionRedirect />
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/query" element={<PublicLookupPage />} />
              <Route
                element={
                  <RequireAuth>
                    <AppLayout />
                  </RequireAuth>
                }
              >
                <Route index element={<Navigate to="/orders" replace />} />
                <Route path="/orders" element={<OrderListPage />} />
                <Route path="/orders/new" element={<OrderCreatePage />} />
                <Route path="/orders/:id" element={<OrderDetailPage />} />
                <Route path="/workbench" element={<WorkbenchPage />} />
                <Route path="/knowledge/*" element={<KnowledgePage />} />
                <Route path="/accuracy/*" element={<AccuracyPage />} />
                <Route path="/intake-settings/*" element={<IntakeSettingsPage />} />
                <Route path="/calendar" element={<CalendarPage />} />
                <Route path="/dispatch-catalogue/*" element={<DispatchCataloguePage />} />
                <Route path="/dispatch-desk" element={<DispatchDeskPage />} />
                <Route path="/callback-desk" element={<CallbackDeskPage />} />
                <Route path="/closure-settings" element={<ClosureSettingsPage />} />
                <Route path="/archive" element={<ArchivePage />} />
                <Route path="/unit-inbox" element={<UnitInboxPage />} />
                <Route path="/unit-stats" element={<UnitStatsPage />} />
                <Route path="/units" element={<UnitsPage />} />
                <Route path="/notifications/*" element={<NotificationSettingsPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
