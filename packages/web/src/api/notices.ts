import { api, buildQuery } from './client';

/** One in-app notice of the caller's unit (see docs/NOTIFICATIONS.md). */
export interface Notice {
  id: string;
  kind: string;
  orderId: string | null;
  orderNo: string | null;
  text: string;
  createdAt: string;
  readAt: string | null;
  read: boolean;
}

export interface NoticeList {
  items: Notice[];
  unread: number;
}

export function listNotices(query: { limit?: number; unread?: boolean } = {}): Promise<NoticeList> {
  return api.get(
    `/api/notices${buildQuery({ limit: query.limit, unread: query.unread ? 'true' : undefined })}`,
  );
}

export function markNoticeRead(id: string): Promise<{ id: string; unread: number }> {
  return api.post(`/api/notices/${encodeURIComponent(id)}/read`);
}
