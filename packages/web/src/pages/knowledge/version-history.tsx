import { isInReview } from '@huawu/domain';
import { Button, Empty, Flex, Space, Timeline, type TimelineProps, Typography } from 'antd';
import type { VersionSummary } from '../../api/knowledge';
import { formatTime } from '../../lib/format';
import { authorText } from './author-text';
import { KbStatusTag } from './kb-status-tag';

interface Props {
  versions: VersionSummary[];
  publishedVersion: number | null;
  onOpen: (version: number) => void;
}

function Entry({
  version,
  published,
  onOpen,
}: {
  version: VersionSummary;
  published: boolean;
  onOpen: () => void;
}) {
  return (
    <Flex
      vertical
      gap={2}
      data-testid="kb-version"
      data-version={version.version}
      data-status={version.status}
    >
      <Space wrap size={6}>
        <Typography.Text strong>v{version.version}</Typography.Text>
        <KbStatusTag of="version" status={version.status} label={version.statusLabel} />
        {published && <Typography.Text type="success">当前发布</Typography.Text>}
        <Button size="small" type="link" onClick={onOpen} data-testid={`kb-version-open-${version.version}`}>
          查看
        </Button>
      </Space>
      <Typography.Text>{version.title}</Typography.Text>
      <Typography.Text type="secondary">
        {formatTime(version.createdAt)} · {authorText(version)}
      </Typography.Text>
      {version.changeNote && (
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">修改说明：</Typography.Text>
          {version.changeNote}
        </Typography.Text>
      )}
      {version.reviewedByName && (
        <Typography.Text type="secondary">
          审核：{version.reviewedByName} · {formatTime(version.reviewedAt)}
          {version.reviewComment ? ` · ${version.reviewComment}` : ''}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** 版本历史: newest first; each version opens read-only with its diff against the published one. */
export function VersionHistory({ versions, publishedVersion, onOpen }: Props) {
  if (versions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无版本" />;
  const items: TimelineProps['items'] = [...versions]
    .sort((a, b) => b.version - a.version)
    .map((version) => ({
      key: version.version,
      color: version.version === publishedVersion ? 'green' : isInReview(version.status) ? 'blue' : 'gray',
      content: (
        <Entry
          version={version}
          published={version.version === publishedVersion}
          onOpen={() => onOpen(version.version)}
        />
      ),
    }));
  return <Timeline items={items} data-testid="kb-versions" />;
}
