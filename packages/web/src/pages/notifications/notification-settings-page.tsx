import { Space } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../not-found-page';
import { DeliveriesPage } from './deliveries-page';
import { NotificationSettingsNav } from './notification-settings-nav';
import { TemplatesPage } from './templates-page';
import { WebhooksPage } from './webhooks-page';

/** 通知设置 (admins): message templates, webhook endpoints and the delivery log (docs/NOTIFICATIONS.md). */
export function NotificationSettingsPage() {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <NotificationSettingsNav />
      <Routes>
        <Route index element={<TemplatesPage />} />
        <Route path="webhooks" element={<WebhooksPage />} />
        <Route path="deliveries" element={<DeliveriesPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Space>
  );
}
