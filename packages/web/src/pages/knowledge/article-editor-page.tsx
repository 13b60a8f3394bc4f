import { KB_ARTICLE_KINDS, KB_LIMITS, isKbArticleKind } from '@huawu/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Segmented,
  Space,
  TreeSelect,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage, isApiError } from '../../api/client';
import {
  type ArticleDetail,
  type ArticleKind,
  createArticle,
  getArticle,
  getVersion,
  proposeVersion,
  submitVersion,
  type VersionDetail,
} from '../../api/knowledge';
import { useCurrentUser } from '../../auth/auth-context';
import { PageError } from '../../components/page-error';
import { PageLoading } from '../../components/page-loading';
import { useAsync } from '../../lib/use-async';
import { useUnits } from '../../lib/use-units';
import { type EditorValues, formPath, titleIsQuestion, toContent, valuesFrom } from './editor-values';
import { isCentreEditor } from './kb-roles';
import { KbSpecField } from './kb-spec-field';
import { specsOf } from './kb-specs';
import { branchOf } from './own-units';

interface Existing {
  article: ArticleDetail;
  pending: VersionDetail | null;
}

const kindOptions = KB_ARTICLE_KINDS.values.map((value) => ({
  value,
  label: <span data-testid={`kb-editor-kind-${value}`}>{KB_ARTICLE_KINDS.labels[value]}</span>,
}));

/** The editor form for a new article (`existing` absent) or a proposal to change one. */
function EditorForm({ existing, onReload }: { existing: Existing | null; onReload: () => void }) {
  const [params] = useSearchParams();
  const user = useCurrentUser();
  const units = useUnits();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditorValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);

  const initialKind: ArticleKind =
    existing?.article.kind ??
    (isKbArticleKind(params.get('kind')) ? (params.get('kind') as ArticleKind) : 'guide');
  const initial = useMemo<EditorValues>(
    () =>
      existing
        ? valuesFrom(existing.article, existing.pending)
        : { kind: initialKind, fields: {}, ownerUnitId: isCentreEditor(user) ? undefined : user.unitId },
    [existing, initialKind, user],
  );
  const kind: ArticleKind = Form.useWatch('kind', form) ?? initial.kind;
  const specs = specsOf(kind, existing?.article.fieldSpecs);
  const unitTree = isCentreEditor(user) ? units.tree : branchOf(units.tree, user.unitId);

  const save = async (andSubmit: boolean) => {
    let values: EditorValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    values = { ...values, kind };
    setBusy(true);
    setError(null);
    try {
      const content = toContent(values, specs);
      let saved: ArticleDetail;
      if (existing) {
        saved = await proposeVersion(existing.article.id, {
          ...content,
          changeNote: content.changeNote ?? '',
          baseVersion: existing.article.latestVersion,
        });
      } else {
        saved = await createArticle({
          ...content,
          kind,
          ownerUnitId: content.ownerUnitId ?? '',
          itemCode: kind === 'guide' ? values.itemCode?.trim() || undefined : undefined,
        });
      }
      if (andSubmit) {
        saved = await submitVersion(saved.id, saved.pendingVersion?.version ?? saved.latestVersion);
        message.success('已保存并提交审核');
      } else {
        message.success(existing ? '修改提议已保存（草稿）' : '已保存为草稿');
      }
      navigate(`/knowledge/${saved.id}`);
    } catch (err) {
      if (isApiError(err) && err.code === 'CONFLICT') {
        setConflict(err.message);
      } else if (isApiError(err) && err.issues.length > 0) {
        const unmatched = [];
        const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
        for (const issue of err.issues) {
          const path = formPath(issue.field, kind);
          if (!path) {
            unmatched.push(issue.message);
            continue;
          }
          const key = path.join('.');
          const entry = byPath.get(key) ?? { name: path, errors: [] };
          entry.errors.push(issue.message);
          byPath.set(key, entry);
        }
        form.setFields([...byPath.values()] as Parameters<typeof form.setFields>[0]);
        setError(unmatched.length ? `${err.message}：${unmatched.join('；')}` : err.message);
      } else {
        setError(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string, label: string, node: React.ReactNode, required = false, span = 24) => (
    <Col xs={24} md={span}>
      <Form.Item
        name={name}
        label={label}
        rules={
          required ? [{ required: true, whitespace: name !== 'ownerUnitId', message: `请填写${label}` }] : []
        }
      >
        {node}
      </Form.Item>
    </Col>
  );

  return (
    <Card
      title={existing ? `提议修改：${existing.article.title}` : '新建知识'}
      extra={existing?.pending && `基于待审核的 v${existing.pending.version} 修改`}
      data-testid="kb-editor"
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="该知识已被他人修改"
          description={`${conflict}。请重新加载最新内容后再修改（你填写的内容将被替换）。`}
          action={
            <Button onClick={onReload} data-testid="kb-editor-reload">
              重新加载
            </Button>
          }
          data-testid="kb-editor-conflict"
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="kb-editor-error"
        />
      )}
      <Form<EditorValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        disabled={busy}
        scrollToFirstError
      >
        <Form.Item name="kind" label="类型" hidden={Boolean(existing)}>
          <Segmented options={kindOptions} data-testid="kb-editor-kind" />
        </Form.Item>
        <Row gutter={16}>
          {!titleIsQuestion(kind) &&
            field(
              'title',
              '标题（事项名称）',
              <Input maxLength={KB_LIMITS.title} showCount data-testid="kb-editor-title" />,
              true,
              existing || kind !== 'guide' ? 24 : 16,
            )}
          {!existing &&
            kind === 'guide' &&
            field(
              'itemCode',
              '事项编码',
              <Input
                maxLength={KB_LIMITS.itemCode}
                placeholder="如有，按政务服务事项目录填写"
                data-testid="kb-editor-itemCode"
              />,
              false,
              8,
            )}
          {field(
            'keywords',
            '关键词（别名、俗称，空格分隔）',
            <Input maxLength={KB_LIMITS.keywords} data-testid="kb-editor-keywords" />,
          )}
          {field(
            'ownerUnitId',
            '主管单位',
            <TreeSelect
              showSearch
              allowClear
              treeDefaultExpandAll
              treeNodeFilterProp="title"
              loading={units.loading}
              treeData={unitTree}
              placeholder="请选择主管单位"
              data-testid="kb-editor-owner"
            />,
            !existing,
            12,
          )}
          {field(
            'validFrom',
            '生效日期',
            <DatePicker style={{ width: '100%' }} data-testid="kb-editor-validFrom" />,
            false,
            4,
          )}
          {field(
            'validTo',
            '失效日期',
            <DatePicker style={{ width: '100%' }} data-testid="kb-editor-validTo" />,
            false,
            4,
          )}
          {field(
            'nextReviewOn',
            '下次复审日期',
            <DatePicker style={{ width: '100%' }} data-testid="kb-editor-nextReviewOn" />,
            false,
            4,
          )}
        </Row>
        <div data-testid="kb-editor-fields" data-kind={kind}>
          {Object.entries(specs).map(([name, spec]) => (
            <KbSpecField key={`${kind}-${name}`} name={name} spec={spec} />
          ))}
        </div>
        <Form.Item
          name="changeNote"
          label="修改说明"
          rules={existing ? [{ required: true, whitespace: true, message: '请填写修改说明' }] : []}
        >
          <Input.TextArea
            rows={2}
            maxLength={KB_LIMITS.changeNote}
            showCount
            data-testid="kb-editor-changeNote"
          />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            loading={busy}
            onClick={() => void save(true)}
            data-testid="kb-editor-submit"
          >
            保存并提交审核
          </Button>
          <Button loading={busy} onClick={() => void save(false)} data-testid="kb-editor-save">
            保存草稿
          </Button>
          <Button
            disabled={busy}
            onClick={() => navigate(existing ? `/knowledge/${existing.article.id}` : '/knowledge')}
          >
            取消
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

/** /knowledge/new and /knowledge/:id/edit. */
export function ArticleEditorPage() {
  const { id } = useParams();
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` reloads after a conflict.
  const load = useCallback(async (): Promise<Existing | null> => {
    if (!id) return null;
    const article = await getArticle(id);
    const pending = article.pendingVersion ? await getVersion(id, article.pendingVersion.version) : null;
    return { article, pending };
  }, [id, attempt]);
  const { data, error, loading, reload } = useAsync(load);

  if (error) return <PageError error={error} title="知识加载失败" onRetry={reload} />;
  if (loading || data === undefined) return <PageLoading />;
  return (
    <EditorForm key={`${id ?? 'new'}-${attempt}`} existing={data} onReload={() => setAttempt((n) => n + 1)} />
  );
}
