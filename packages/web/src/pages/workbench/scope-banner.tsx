import { NOT_ACCEPTED_REASONS, TRANSFER_TARGETS } from '@huawu/domain';
import { Alert, Button, Flex, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { EmergencyTarget, IntakeCheck, ScopeMatch } from '../../api/intake';
import type { TransferMethod } from './emergency-buttons';

interface Props {
  scope: IntakeCheck['scope'] | undefined;
  busy: boolean;
  disabled: boolean;
  onTransfer: (target: EmergencyTarget, method: TransferMethod, outcome?: string) => void;
  onReject: (match: ScopeMatch) => void;
}

const unique = <T,>(items: T[]) => [...new Set(items)];

function Matched({ match }: { match: ScopeMatch }) {
  return (
    <Space wrap size={4}>
      <Typography.Text strong>{match.label}</Typography.Text>
      {match.matched.map((word) => (
        <Tag key={word} color="red">
          {word}
        </Tag>
      ))}
    </Space>
  );
}

/** 受理范围提示: emergencies with one-click transfer buttons, or why not to accept and what to tell the caller. */
export function ScopeBanner({ scope, busy, disabled, onTransfer, onReject }: Props) {
  const [outcome, setOutcome] = useState('');
  if (!scope || scope.decision === 'accept') return null;
  const emergencies = scope.matches.filter((match) => match.kind === 'emergency');
  const refusals = scope.matches.filter((match) => match.kind === 'not_accept');
  const targets = unique(emergencies.flatMap((match) => (match.target ? [match.target] : [])));

  return (
    <Flex vertical gap={8} data-testid="scope-banner" data-decision={scope.decision}>
      {emergencies.length > 0 && (
        <Alert
          type="error"
          showIcon
          title="紧急事项：请立即转接"
          data-testid="scope-emergency"
          description={
            <Flex vertical gap={8}>
              {emergencies.map((match) => (
                <Flex vertical key={match.ruleId} gap={2}>
                  <Matched match={match} />
                  {match.script && (
                    <Typography.Text data-testid="scope-emergency-script">{match.script}</Typography.Text>
                  )}
                </Flex>
              ))}
              <Space wrap>
                {targets.map((target) => (
                  <Space.Compact key={target}>
                    <Button
                      type="primary"
                      danger
                      disabled={disabled}
                      loading={busy}
                      onClick={() => onTransfer(target, 'one_click', outcome)}
                      data-testid={`scope-transfer-${target}`}
                    >
                      一键转接 {TRANSFER_TARGETS.labels[target] ?? target}
                    </Button>
                    <Button
                      danger
                      disabled={disabled || busy}
                      onClick={() => onTransfer(target, 'three_way', outcome)}
                      data-testid={`scope-three-way-${target}`}
                    >
                      三方通话
                    </Button>
                  </Space.Compact>
                ))}
                <Input
                  size="middle"
                  placeholder="转接结果（可选）"
                  value={outcome}
                  maxLength={500}
                  onChange={(event) => setOutcome(event.target.value)}
                  style={{ width: 200 }}
                  data-testid="scope-outcome"
                />
              </Space>
            </Flex>
          }
        />
      )}
      {refusals.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="可能不属于12345受理范围"
          data-testid="scope-not-accept"
          description={
            <Flex vertical gap={8}>
              {refusals.map((match) => (
                <Flex vertical key={match.ruleId} gap={4}>
                  <Matched match={match} />
                  {match.reasonCode && (
                    <Typography.Text type="secondary" data-testid="scope-reason">
                      原因：{NOT_ACCEPTED_REASONS.labels[match.reasonCode as never] ?? match.reasonCode}
                    </Typography.Text>
                  )}
                  <Typography.Paragraph
                    copyable={{ text: match.script }}
                    style={{ marginBottom: 0 }}
                    data-testid="scope-script"
                  >
                    告知话术：{match.script}
                  </Typography.Paragraph>
                  <div>
                    <Button
                      danger
                      disabled={disabled || busy}
                      onClick={() => onReject(match)}
                      data-testid="scope-reject"
                    >
                      不予受理
                    </Button>
                  </div>
                </Flex>
              ))}
            </Flex>
          }
        />
      )}
    </Flex>
  );
}
