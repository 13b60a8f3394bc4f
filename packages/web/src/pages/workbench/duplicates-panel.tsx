import { Button, Card, Empty, Flex, List, Progress, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { DupCandidate, IntakeCheck } from '../../api/intake';
import { StatusTag } from '../../components/status-tag';
import { formatTime } from '../../lib/format';

interface Props {
  duplicates: IntakeCheck['duplicates'] | undefined;
  linked: ReadonlySet<string>;
  disabled: boolean;
  onMerge: (candidate: DupCandidate) => void;
  onToggleLink: (candidate: DupCandidate) => void;
}

function Candidates({
  title,
  kind,
  items,
  linked,
  disabled,
  onMerge,
  onToggleLink,
}: Omit<Props, 'duplicates'> & { title: string; kind: string; items: DupCandidate[] }) {
  if (items.length === 0) return null;
  return (
    <List
      size="small"
      header={<Typography.Text strong>{title}</Typography.Text>}
      dataSource={items}
      renderItem={(candidate) => (
        <List.Item
          data-testid="dup-candidate"
          data-kind={kind}
          data-order-id={candidate.id}
          data-order-no={candidate.orderNo}
          actions={[
            <Button
              key="merge"
              size="small"
              disabled={disabled}
              onClick={() => onMerge(candidate)}
              data-testid="dup-merge"
            >
              并单
            </Button>,
            <Button
              key="link"
              size="small"
              type={linked.has(candidate.id) ? 'primary' : 'default'}
              disabled={disabled}
              onClick={() => onToggleLink(candidate)}
              data-testid="dup-link"
            >
              {linked.has(candidate.id) ? '已选关联' : '关联'}
            </Button>,
          ]}
        >
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Space wrap size={6}>
              <Link to={`/orders/${candidate.id}`} target="_blank" rel="noreferrer">
                {candidate.orderNo}
              </Link>
              <StatusTag status={candidate.status} label={candidate.statusLabel} />
              <Progress
                percent={Math.round(candidate.similarity * 100)}
                size="small"
                style={{ width: 90, margin: 0 }}
                data-testid="dup-similarity"
              />
            </Space>
            <Typography.Text ellipsis>{candidate.title}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {candidate.address ? `${candidate.address} · ` : ''}
              {formatTime(candidate.createdAt)}
            </Typography.Text>
            <Space wrap size={4}>
              {candidate.reasons.map((reason) => (
                <Tag key={reason}>{reason}</Tag>
              ))}
            </Space>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** 重复/相似工单: the caller's own open orders and similar open orders, to merge into or link. */
export function DuplicatesPanel({ duplicates, ...rest }: Props) {
  const sameCaller = duplicates?.sameCaller ?? [];
  const seen = new Set(sameCaller.map((candidate) => candidate.id));
  const similar = (duplicates?.similar ?? []).filter((candidate) => !seen.has(candidate.id));
  const count = sameCaller.length + similar.length;
  return (
    <Card
      size="small"
      title={`重复/相似工单${count ? `（${count}）` : ''}`}
      data-testid="dup-panel"
      data-count={count}
    >
      {count === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未发现重复或相似的在办工单" />
      ) : (
        <>
          <Candidates title="同一来电人的在办工单" kind="same_caller" items={sameCaller} {...rest} />
          <Candidates title="相似的在办工单" kind="similar" items={similar} {...rest} />
        </>
      )}
    </Card>
  );
}
