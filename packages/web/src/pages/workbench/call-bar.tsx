import { PhoneOutlined } from '@ant-design/icons';
import { isPhoneNumber } from '@huawu/domain';
import { Badge, Button, Flex, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CallState, CallView } from '../../api/cti';
import type { StreamStatus } from './use-call-stream';

const STREAM: Record<StreamStatus, { text: string; status: 'success' | 'processing' | 'warning' }> = {
  connecting: { text: '连接中', status: 'processing' },
  connected: { text: '已连接', status: 'success' },
  reconnecting: { text: '重连中', status: 'warning' },
};

const CALL_STATE: Record<CallState, { text: string; colour: string }> = {
  ringing: { text: '振铃', colour: 'orange' },
  answered: { text: '通话中', colour: 'green' },
  ended: { text: '已挂断', colour: 'default' },
};

const pad = (n: number) => String(n).padStart(2, '0');

function elapsed(call: CallView, now: number): string {
  const from = Date.parse(call.answeredAt ?? call.startedAt);
  const to = call.endedAt ? Date.parse(call.endedAt) : now;
  const seconds = Math.max(0, Math.floor((to - from) / 1000));
  return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
}

function CallTimer({ call }: { call: CallView }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (call.state === 'ended') return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [call.state]);
  return (
    <Typography.Text code data-testid="call-timer">
      {elapsed(call, now)}
    </Typography.Text>
  );
}

interface Props {
  status: StreamStatus;
  call: CallView | null;
  busy: boolean;
  onSimulate: (caller: string) => void;
  onHangup: (call: CallView) => void;
}

/** 来电条: the CTI connection, the current call and the training button 模拟来电. */
export function CallBar({ status, call, busy, onSimulate, onHangup }: Props) {
  const [number, setNumber] = useState('');
  const valid = isPhoneNumber(number.replaceAll(' ', ''));
  const stream = STREAM[status];
  const state = call ? CALL_STATE[call.state] : null;

  return (
    <Flex align="center" justify="space-between" wrap gap="middle" data-testid="call-bar">
      <Space size="large" wrap>
        <span data-testid="cti-status" data-status={status}>
          <Badge status={stream.status} text={`话务连接：${stream.text}`} />
        </span>
        {call && state ? (
          <Space wrap data-testid="current-call" data-call-id={call.callId} data-state={call.state}>
            <PhoneOutlined />
            <Typography.Text strong data-testid="call-caller">
              {call.caller ?? '未知号码'}
            </Typography.Text>
            <Tag color={state.colour} data-testid="call-state" data-state={call.state}>
              {state.text}
            </Tag>
            <CallTimer call={call} />
            <Typography.Text type="secondary" data-testid="call-id">
              通话编号 {call.callId}
            </Typography.Text>
            {call.state !== 'ended' && (
              <Button size="small" onClick={() => onHangup(call)} data-testid="call-hangup">
                挂断
              </Button>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary" data-testid="current-call-none">
            暂无来电
          </Typography.Text>
        )}
      </Space>
      <Space.Compact>
        <Input
          placeholder="来电号码（培训）"
          value={number}
          onChange={(event) => setNumber(event.target.value)}
          onPressEnter={() => valid && onSimulate(number.replaceAll(' ', ''))}
          maxLength={20}
          style={{ width: 170 }}
          data-testid="simulate-number"
        />
        <Button
          disabled={!valid}
          loading={busy}
          onClick={() => onSimulate(number.replaceAll(' ', ''))}
          data-testid="simulate-call"
        >
          模拟来电
        </Button>
      </Space.Compact>
    </Flex>
  );
}
