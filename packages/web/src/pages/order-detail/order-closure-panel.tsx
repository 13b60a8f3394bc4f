import { Space } from 'antd';
import type { OrderClosure } from '../../api/closure';
import { AppealState, CallbackResult } from './closure-outcome';
import { CallbackScript, ReplyScript } from './closure-scripts';
import { ClosureUnitReply } from './closure-unit-reply';

interface Props {
  /** The detail's `closure` (absent on orders that never reached a reply). */
  closure: OrderClosure | null | undefined;
  status: string;
}

const CLOSED = ['closed', 'archived'];

/**
 * 答复 · 回复 · 回访 · 申诉 on the order page: the unit's reply; the reply script while 待回复; the callback
 * script and attempts while 待回访; the callback result once closed; the appeal when there is one.
 */
export function OrderClosurePanel({ closure, status }: Props) {
  if (!closure) return null;
  const { unitReply, scripts, callback, appeal } = closure;
  const closed = CLOSED.includes(status);
  const showAppeal = appeal.status !== 'none' || (closed && appeal.windowOpen);
  const showResult = closed && (callback.satisfaction !== null || closure.closeReason !== null);
  const parts = [
    unitReply && <ClosureUnitReply key="reply" reply={unitReply} />,
    status === 'pending_reply' && scripts?.reply && <ReplyScript key="script" script={scripts.reply} />,
    status === 'pending_callback' && scripts && (
      <CallbackScript key="callback" lines={scripts.callback} callback={callback} />
    ),
    showResult && <CallbackResult key="result" closure={closure} />,
    showAppeal && <AppealState key="appeal" appeal={appeal} />,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="order-closure-panel">
      {parts}
    </Space>
  );
}
