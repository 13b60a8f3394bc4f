import { PUBLIC_PHASE_COLOURS } from '@huawu/domain';
import { Card, Descriptions, Steps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { PublicCase } from '../../api/public-lookup';

const instant = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
const localDate = (date: string) => dayjs(date).format('YYYY年M月D日');

/** The answer card: phase, expected date, the reply told to the caller and the milestones. */
export function CaseResult({ result }: { result: PublicCase }) {
  return (
    <Card
      data-testid="lookup-result"
      title={`工单 ${result.orderNo}`}
      extra={
        <Tag
          color={PUBLIC_PHASE_COLOURS[result.phase]}
          data-testid="lookup-phase"
          style={{ marginInlineEnd: 0, fontSize: 15, lineHeight: '26px', paddingInline: 10 }}
        >
          {result.phaseLabel}
        </Tag>
      }
    >
      <Descriptions column={1} size="small" styles={{ label: { width: 96 } }}>
        <Descriptions.Item label="诉求">{result.title}</Descriptions.Item>
        <Descriptions.Item label="诉求类型">{result.appealTypeLabel}</Descriptions.Item>
        <Descriptions.Item label="受理时间">{instant(result.createdAt)}</Descriptions.Item>
        {result.handlingUnit && <Descriptions.Item label="承办单位">{result.handlingUnit}</Descriptions.Item>}
        {result.expectedBy && (
          <Descriptions.Item label="预计办结">
            <span data-testid="lookup-expected">{localDate(result.expectedBy)}前</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {result.reply && (
        <div data-testid="lookup-reply" style={{ marginTop: 16 }}>
          <Typography.Text strong>答复内容</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0 4px', fontSize: 16 }}>
            {result.reply.text}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{instant(result.reply.at)}</Typography.Text>
        </div>
      )}
      <Typography.Text strong style={{ display: 'block', margin: '16px 0 8px' }}>
        办理进度
      </Typography.Text>
      <Steps
        data-testid="lookup-steps"
        orientation="vertical"
        size="small"
        current={result.steps.length - 1}
        items={result.steps.map((s) => ({ title: s.label, content: instant(s.at), status: 'finish' }))}
      />
    </Card>
  );
}
