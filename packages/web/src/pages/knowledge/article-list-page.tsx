import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { type ArticleSummary, listArticles } from '../../api/knowledge';
import { useCurrentUser } from '../../auth/auth-context';
import { PagedTable } from '../../components/paged-table';
import { useAsync } from '../../lib/use-async';
import { useUnits } from '../../lib/use-units';
import { articleColumns } from './article-columns';
import { ArticleFilters } from './article-filters';
import { ExportButton } from './export-button';
import { canCreate, canImport, seesDrafts } from './kb-roles';
import { type ArticleFilterPatch, parseArticleQuery, toArticleParams } from './kb-list-query';
import { SearchResults } from './search-results';
import { useDebounced } from './use-debounced';

/** 知识库 home: search-as-you-type over the knowledge base, and the filtered list of articles. */
export function ArticleListPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseArticleQuery(params), [params]);
  const units = useUnits();
  const user = useCurrentUser();
  const navigate = useNavigate();

  // The box is ahead of the URL while typing; the search (and the URL) follow once typing pauses.
  const [text, setText] = useState(query.q ?? '');
  const settled = useDebounced(text.trim(), 250);
  const latest = useRef({ query, setParams });
  latest.current = { query, setParams };
  const pushed = useRef(query.q ?? '');
  useEffect(() => {
    const { query: current, setParams: set } = latest.current;
    if (settled === (current.q ?? '')) return;
    pushed.current = settled;
    set(toArticleParams({ ...current, q: settled || undefined }), { replace: true });
  }, [settled]);
  // Back/forward to another search puts its words back into the box (not our own push: typing goes on).
  useEffect(() => {
    if ((query.q ?? '') !== pushed.current) {
      pushed.current = query.q ?? '';
      setText(query.q ?? '');
    }
  }, [query.q]);

  // The table lists by filters only; the search box ranks separately.
  const listQuery = useMemo(() => ({ ...query, q: undefined }), [query]);
  const { data, error, loading, reload } = useAsync(useCallback(() => listArticles(listQuery), [listQuery]));

  const applyFilters = useCallback(
    (patch: ArticleFilterPatch) => setParams(toArticleParams({ ...query, ...patch, page: 1 })),
    [query, setParams],
  );

  return (
    <Card
      title="知识库"
      extra={
        <Space wrap>
          {canCreate(user) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/knowledge/new')}
              data-testid="kb-new"
            >
              新建
            </Button>
          )}
          {canImport(user) && (
            <>
              <Button
                icon={<UploadOutlined />}
                onClick={() => navigate('/knowledge/import')}
                data-testid="kb-import"
              >
                导入 CSV
              </Button>
              <ExportButton kind={query.kind} status={query.status} />
            </>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Input.Search
          allowClear
          size="large"
          placeholder="输入事项名称、俗称或问题，边输边搜"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onSearch={(value) => setText(value)}
          data-testid="kb-search"
        />
        <SearchResults q={settled} kind={query.kind} unitId={query.unitId} includeDrafts={seesDrafts(user)} />
        <ArticleFilters
          query={query}
          unitTree={units.tree}
          unitsLoading={units.loading}
          onChange={applyFilters}
          onReset={() => {
            setText('');
            setParams(new URLSearchParams());
          }}
        />
        <PagedTable<ArticleSummary>
          columns={articleColumns}
          data={data}
          loading={loading}
          error={error}
          reload={reload}
          errorTitle="知识列表加载失败"
          errorTestId="kb-list-error"
          testId="kb-table"
          scrollX={1340}
          page={query.page}
          pageSize={query.pageSize}
          onPage={(page, pageSize) => setParams(toArticleParams({ ...query, page, pageSize }))}
        />
      </Space>
    </Card>
  );
}
