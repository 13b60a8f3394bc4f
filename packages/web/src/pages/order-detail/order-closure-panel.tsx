import { type EventName, type Status, isOpen } from '@huawu/domain';
import { Space } from 'antd';
import type { OrderClosure } from '../../api/closure';
import { AppealState, CallbackResult } from './closure-outcome';
import { CallbackScript, ReplyScript } from './closure-scripts';
import { ClosureUnitReply } from './closure-unit-reply';

interface Props {
  /** The detail's `closure` (absent on orders that never reached a reply). */
  closure: OrderClosure | null | undefined;
  status: Status;
  /** The events this reader may send now (the detail's `allowedEvents`): the machine decides. */
  allowed: readonly string[];
}

/**
 * 答复 · 回复 · 回访 · 申诉 on the order page: the unit's reply; the reply script for whoever may reply to
 * the caller now; the callback script and attempts for whoever may call back now; the callback result
 * once the order is no longer open; the appeal when there is one.
 */
export function OrderClosurePanel({ closure, status, allowed }: Props) {
  if (!closure) return null;
  const { unitReply, scripts, callback, appeal } = closure;
  const may = (event: EventName) => allowed.includes(event);
  const closed = !isOpen(status);
  const showAppeal = appeal.status !== 'none' || (closed && appeal.windowOpen);
  const showResult = closed && (callback.satisfaction !== null || closure.closeReason !== null);
  const parts = [
    unitReply && <ClosureUnitReply key="reply" reply={unitReply} />,
    may('reply_to_caller') && scripts?.reply && <ReplyScript key="script" script={scripts.reply} />,
    (may('callback') || may('callback_attempt')) && scripts && (
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
