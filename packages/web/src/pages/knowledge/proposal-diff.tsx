import { Alert } from 'antd';
import { errorMessage } from '../../api/client';
import { useUnits } from '../../lib/use-units';
import { PageLoading } from '../../components/page-loading';
import { diffVersions } from './field-diff';
import { specsOf } from './kb-specs';
import { useVersionPair } from './use-version-pair';
import { VersionDiff } from './version-diff';

interface Props {
  articleId: string;
  kind: string;
  version: number;
  publishedVersion: number | null;
}

/** What a proposal changes against the published version (everything, for a first version). */
export function ProposalDiff({ articleId, kind, version, publishedVersion }: Props) {
  const units = useUnits();
  const { data, error, loading } = useVersionPair(articleId, version, publishedVersion);
  if (error) return <Alert type="error" showIcon title="改动加载失败" description={errorMessage(error)} />;
  if (loading || !data) return <PageLoading description="正在比较…" />;
  return (
    <VersionDiff
      rows={diffVersions(data.published, data.version, specsOf(kind), (id) => units.nameOf(id) ?? id ?? '')}
      beforeTitle={data.published ? `已发布 v${data.published.version}` : '（尚未发布）'}
      afterTitle={`提议 v${version}`}
    />
  );
}
