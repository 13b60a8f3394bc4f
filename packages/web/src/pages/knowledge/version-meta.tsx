import { Descriptions, type DescriptionsProps } from 'antd';
import type { VersionDetail } from '../../api/knowledge';
import { EMPTY, formatTime, orEmpty } from '../../lib/format';
import { authorText } from './author-text';
import { KbStatusTag } from './kb-status-tag';

/** Who wrote and reviewed a version, and its validity and review dates. */
export function VersionMeta({
  version,
  unitName,
}: {
  version: VersionDetail;
  unitName: (id: string | null) => string;
}) {
  const items: DescriptionsProps['items'] = [
    { key: 'version', label: '版本', children: `v${version.version}` },
    {
      key: 'status',
      label: '状态',
      children: <KbStatusTag of="version" status={version.status} label={version.statusLabel} />,
    },
    { key: 'title', label: '标题', children: version.title, span: 'filled' },
    { key: 'keywords', label: '关键词', children: orEmpty(version.keywords), span: 'filled' },
    {
      key: 'owner',
      label: '主管单位',
      children: orEmpty(version.ownerUnitName ?? unitName(version.ownerUnitId)),
    },
    {
      key: 'validity',
      label: '有效期',
      children: `${version.validFrom ?? EMPTY} 至 ${version.validTo ?? '长期'}`,
    },
    { key: 'review', label: '下次复审', children: orEmpty(version.nextReviewOn) },
    { key: 'author', label: '提出人', children: authorText(version) },
    { key: 'createdAt', label: '提出时间', children: formatTime(version.createdAt) },
    { key: 'submittedAt', label: '提交审核', children: formatTime(version.submittedAt) },
    { key: 'changeNote', label: '修改说明', children: orEmpty(version.changeNote), span: 'filled' },
    {
      key: 'reviewed',
      label: '审核',
      span: 'filled',
      children: version.reviewedByName
        ? `${version.reviewedByName} · ${formatTime(version.reviewedAt)}${version.reviewComment ? ` · ${version.reviewComment}` : ''}`
        : EMPTY,
    },
  ];
  return <Descriptions bordered size="small" column={2} items={items} data-testid="kb-version-meta" />;
}
