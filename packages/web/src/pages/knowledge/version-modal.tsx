import type { FieldSpecs } from '@huawu/domain';
import { Modal, Space, Tabs } from 'antd';
import { PageError } from '../../components/page-error';
import { PageLoading } from '../../components/page-loading';
import { ArticleFields } from './article-fields';
import { diffVersions } from './field-diff';
import { useVersionPair, type VersionPair } from './use-version-pair';
import { VersionDiff } from './version-diff';
import { VersionMeta } from './version-meta';

interface Props {
  articleId: string;
  version: number;
  publishedVersion: number | null;
  specs: FieldSpecs;
  unitName: (id: string | null) => string;
  onClose: () => void;
}

/** Older on the left, newer on the right: an old version is compared forward to what is published now. */
function ChronologicalDiff({
  pair,
  specs,
  unitName,
}: {
  pair: VersionPair;
  specs: FieldSpecs;
  unitName: Props['unitName'];
}) {
  const { version, published } = pair;
  if (published && version.version < published.version) {
    return (
      <VersionDiff
        rows={diffVersions(version, published, specs, unitName)}
        beforeTitle={`v${version.version}`}
        afterTitle={`已发布 v${published.version}`}
      />
    );
  }
  return (
    <VersionDiff
      rows={diffVersions(published, version, specs, unitName)}
      beforeTitle={published ? `已发布 v${published.version}` : '（尚未发布）'}
      afterTitle={`v${version.version}`}
    />
  );
}

/** One version, read-only, and what it changes against the published version. */
export function VersionModal({ articleId, version, publishedVersion, specs, unitName, onClose }: Props) {
  const { data, error, loading, reload } = useVersionPair(articleId, version, publishedVersion);
  return (
    <Modal open title={`第 ${version} 版（只读）`} onCancel={onClose} footer={null} width={960}>
      <div data-testid="kb-version-view" data-version={version}>
        {error ? (
          <PageError error={error} onRetry={reload} />
        ) : loading || !data ? (
          <PageLoading />
        ) : (
          <Tabs
            items={[
              {
                key: 'content',
                label: <span data-testid="kb-version-tab-content">内容</span>,
                children: (
                  <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                    <VersionMeta version={data.version} unitName={unitName} />
                    <ArticleFields specs={specs} fields={data.version.fields} testId="kb-version-fields" />
                  </Space>
                ),
              },
              {
                key: 'diff',
                label: (
                  <span data-testid="kb-version-tab-diff">
                    {data.published ? `与已发布版本（v${data.published.version}）对比` : '与已发布版本对比'}
                  </span>
                ),
                children:
                  data.published || publishedVersion === null ? (
                    <ChronologicalDiff pair={data} specs={specs} unitName={unitName} />
                  ) : (
                    <span>这就是已发布的版本。</span>
                  ),
              },
            ]}
          />
        )}
      </div>
    </Modal>
  );
}
