import { Card, Descriptions, Typography } from 'antd';
import dayjs from 'dayjs';
import type { OrderClosure } from '../../api/closure';
import { formatTime } from '../../lib/format';

/** Paragraphs read to the caller, with one copy button for the whole script. */
function Script({ lines, testId }: { lines: string[]; testId: string }) {
  return (
    <div data-testid={testId}>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed script; paragraphs may repeat
        <Typography.Paragraph key={i} style={{ marginBottom: 6 }}>
          {line}
        </Typography.Paragraph>
      ))}
      <Typography.Text
        type="secondary"
        copyable={{ text: lines.join('\n'), tooltips: ['复制话术', '已复制'] }}
      >
        复制话术
      </Typography.Text>
    </div>
  );
}

/** 回复话术 (待回复): the phone script and the SMS text, as the unit committed to them. */
export function ReplyScript({ script }: { script: { phone: string[]; sms: string } }) {
  return (
    <Card title="回复话术" size="small" data-testid="closure-reply-script">
      <Script lines={script.phone} testId="reply-phone-script" />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        短信预览
      </Typography.Title>
      <Typography.Paragraph
        copyable={{ text: script.sms, tooltips: ['复制短信', '已复制'] }}
        style={{ background: 'rgba(0,0,0,0.03)', padding: 8, borderRadius: 6 }}
        data-testid="reply-sms-preview"
      >
        {script.sms}
      </Typography.Paragraph>
    </Card>
  );
}

/** 回访话术 (待回访) with the attempts so far and when the next may be made. */
export function CallbackScript({ lines, callback }: { lines: string[]; callback: OrderClosure['callback'] }) {
  const { attempts, unreachableAfterAttempts: limit, lastAttemptAt, attemptGapMinutes } = callback;
  const nextAt = lastAttemptAt ? dayjs(lastAttemptAt).add(attemptGapMinutes, 'minute') : null;
  let next = '现在即可回访';
  if (attempts >= limit) next = `已满 ${limit} 次，可按“无法联系”办结`;
  else if (nextAt?.isAfter(dayjs())) next = `${nextAt.format('YYYY-MM-DD HH:mm')} 以后`;
  return (
    <Card title="回访话术" size="small" data-testid="closure-callback-script">
      <Descriptions
        column={1}
        size="small"
        style={{ marginBottom: 12 }}
        items={[
          {
            key: 'attempts',
            label: '未接通次数',
            children: <span data-testid="closure-attempts">{`${attempts}/${limit}`}</span>,
          },
          { key: 'last', label: '上次回访', children: formatTime(lastAttemptAt) },
          {
            key: 'next',
            label: '下次可回访',
            children: <span data-testid="closure-next-attempt">{next}</span>,
          },
        ]}
      />
      <Script lines={lines} testId="callback-script" />
    </Card>
  );
}
