import { Card, Descriptions, Tag } from 'antd';
import type { OrderClosure } from '../../api/closure';
import { formatTime } from '../../lib/format';

const RESULT_COLOURS: Record<string, string> = {
  resolved: 'green',
  partly_resolved: 'gold',
  unresolved: 'red',
  not_our_duty: 'default',
};

/** 单位答复 as the unit signed it off (never its internal notes). */
export function ClosureUnitReply({ reply }: { reply: NonNullable<OrderClosure['unitReply']> }) {
  const items = [
    {
      key: 'result',
      label: '办理结果',
      children: <Tag color={RESULT_COLOURS[reply.result]}>{reply.resultLabel}</Tag>,
    },
    { key: 'publicReply', label: '答复意见', children: reply.publicReply },
    reply.unresolvedReason && { key: 'reason', label: '无法解决的原因', children: reply.unresolvedReason },
    reply.rightChannel && { key: 'channel', label: '正确的办理渠道', children: reply.rightChannel },
    reply.policyBasis && { key: 'basis', label: '政策依据', children: reply.policyBasis },
    { key: 'signedOffBy', label: '签发人', children: reply.signedOffBy ?? '—' },
    { key: 'unit', label: '答复单位', children: reply.unitName ?? '—' },
    { key: 'at', label: '答复时间', children: formatTime(reply.at) },
  ].filter((x) => !!x);
  return (
    <Card title="单位答复" size="small" data-testid="closure-unit-reply">
      <Descriptions column={1} size="small" items={items} />
    </Card>
  );
}
