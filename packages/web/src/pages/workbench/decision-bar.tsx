import { Button, Space } from 'antd';
import type { DecisionEvent } from '../../api/intake';
import { eventLabel } from './decision-request';

interface Props {
  busy: boolean;
  disabled: boolean;
  onChoose: (event: DecisionEvent) => void;
}

/** 受理决定: how this call ends — each creates the order and decides it in one step. */
export function DecisionBar({ busy, disabled, onChoose }: Props) {
  const button = (event: DecisionEvent, text: string, extra: { type?: 'primary'; danger?: boolean } = {}) => (
    <Button
      key={event}
      {...extra}
      disabled={disabled || busy}
      loading={busy && event === 'submit_for_dispatch'}
      onClick={() => onChoose(event)}
      title={eventLabel(event)}
      data-testid={`decision-${event}`}
    >
      {text}
    </Button>
  );
  return (
    <Space wrap data-testid="decision-bar">
      {button('answer_directly', '直办答复')}
      {button('reject', '不予受理', { danger: true })}
      {button('transfer_out', '转外线', { danger: true })}
      {button('merge', '并单')}
      {button('submit_for_dispatch', '提交派单', { type: 'primary' })}
    </Space>
  );
}
