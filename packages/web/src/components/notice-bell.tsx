import { BellOutlined } from '@ant-design/icons';
import { NOTIFICATION_KIND_LABELS } from '@huawu/domain';
import { Badge, Button, Empty, Popover, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../api/client';
import { listNotices, markNoticeRead, type Notice } from '../api/notices';
import { formatTime, labelOf } from '../lib/format';

/** Live notices: the server says `notices` when the unit has new ones (GET /api/notices/stream). */
const STREAM_URL = '/api/notices/stream';
/** Slow safety net besides the stream (and a reload whenever the window regains focus). */
const REFRESH_MS = 120_000;
/** A stream the browser gave up on (server gone for a while) is opened again after this. */
const REOPEN_MS = 30_000;
const LIMIT = 20;

/** The header's notices bell: unread count, the unit's latest notices; a click marks one read. */
export function NoticeBell() {
  const navigate = useNavigate();
  const [items, setItems] = useState<Notice[]>([]);
  const [unread, setUnread] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  const load = useCallback(async () => {
    try {
      const list = await listNotices({ limit: LIMIT });
      setItems(list.items);
      setUnread(list.unread);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    let stopped = false;
    let source: EventSource | null = null;
    let reopen: number | undefined;
    const connect = () => {
      if (stopped) return;
      source = new EventSource(STREAM_URL);
      // Sent when the stream opens (so a reconnect reloads what it missed) and on every new notice.
      source.addEventListener('notices', () => void load());
      // The session is over: stop; the next API call takes the user to the login page.
      source.addEventListener('session_ended', () => {
        stopped = true;
        source?.close();
      });
      source.onerror = () => {
        // EventSource reconnects by itself unless it gave up (closed); then try again later.
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          window.clearTimeout(reopen);
          reopen = window.setTimeout(connect, REOPEN_MS);
        }
      };
    };
    void load();
    connect();
    const timer = window.setInterval(() => {
      if (!stopped) void load();
    }, REFRESH_MS);
    const onFocus = () => {
      if (!stopped) void load();
    };
    window.addEventListener('focus', onFocus);
    return () => {
      stopped = true;
      source?.close();
      window.clearTimeout(reopen);
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [load]);

  const openNotice = async (notice: Notice) => {
    setOpen(false);
    if (!notice.read) {
      setItems((list) => list.map((n) => (n.id === notice.id ? { ...n, read: true } : n)));
      try {
        const result = await markNoticeRead(notice.id);
        setUnread(result.unread);
      } catch (err) {
        setError(errorMessage(err));
      }
    }
    if (notice.orderId) navigate(`/orders/${notice.orderId}`);
  };

  const content = (
    <div style={{ width: 360, maxHeight: 420, overflowY: 'auto' }} data-testid="notice-list">
      {error && (
        <Typography.Text type="danger" data-testid="notice-error">
          {error}
        </Typography.Text>
      )}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
      ) : (
        items.map((notice) => (
          <button
            type="button"
            key={notice.id}
            onClick={() => void openNotice(notice)}
            data-testid="notice-item"
            data-read={notice.read ? 'true' : 'false'}
            data-order-id={notice.orderId ?? ''}
            style={{
              display: 'block',
              width: '100%',
              textAlign: 'left',
              border: 0,
              borderBottom: '1px solid #f0f0f0',
              background: notice.read ? 'transparent' : '#e6f4ff',
              padding: '8px 12px',
              cursor: 'pointer',
            }}
          >
            <Typography.Text strong={!notice.read}>
              {labelOf(NOTIFICATION_KIND_LABELS, notice.kind)}
              {notice.orderNo ? ` · ${notice.orderNo}` : ''}
            </Typography.Text>
            {notice.read && (
              <Typography.Text type="secondary" style={{ marginLeft: 8 }} data-testid="notice-read">
                已读
              </Typography.Text>
            )}
            <div>
              <Typography.Text type="secondary">{notice.text}</Typography.Text>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(notice.createdAt)}
            </Typography.Text>
          </button>
        ))
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title="通知"
      content={content}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void load();
      }}
    >
      <Button type="text" aria-label="通知" data-testid="notice-bell" style={{ marginRight: 16 }}>
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
        <span data-testid="notice-count" data-count={unread} style={{ display: 'none' }}>
          {unread}
        </span>
      </Button>
    </Popover>
  );
}
