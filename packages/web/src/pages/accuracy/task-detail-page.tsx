import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { mayViewRounds } from '@huawu/domain';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Row,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { type CheckView, type TaskDetail, actOnTask, getItem, getTask } from '../../api/accuracy';
import { errorMessage } from '../../api/client';
import { useCurrentUser } from '../../auth/auth-context';
import { DeadlineCell } from '../../components/deadline-cell';
import { PageError } from '../../components/page-error';
import { PageLoading } from '../../components/page-loading';
import { EMPTY, formatTime } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { CheckResult, TaskStatusTag } from './accuracy-tags';
import { type CheckTarget, RecordCheckModal } from './record-check-modal';
import { TaskActionModal } from './task-action-modal';

type Action = TaskDetail['allowedActions'][number];

const checkColumns: TableColumnsType<CheckView> = [
  {
    title: '类型',
    key: 'kind',
    width: 90,
    render: (_: unknown, c) => (c.kind === 'initial' ? c.kindLabel : `${c.kindLabel} ${c.attempt}`),
  },
  { title: '时间', dataIndex: 'checkedAt', key: 'at', width: 140, render: (at: string) => formatTime(at) },
  { title: '检查人', dataIndex: 'checkedByName', key: 'by', width: 130, ellipsis: true },
  { title: '拨打号码', dataIndex: 'calledNumber', key: 'number', width: 130 },
  { title: '结果', key: 'result', width: 240, render: (_: unknown, c) => <CheckResult check={c} /> },
  { title: '差异说明', dataIndex: 'notes', key: 'notes', render: (n: string | null) => n ?? EMPTY },
];

const historyText = (h: TaskDetail['history'][number]): string | null => {
  const d = h.detail ?? {};
  if (typeof d.fixNote === 'string') return d.fixNote;
  if (typeof d.checkerName === 'string')
    return `复查人：${d.checkerName}${d.plannedOn ? `，计划 ${d.plannedOn}` : ''}`;
  if (typeof d.passed === 'boolean') return d.passed ? '复查通过，任务销号' : '复查未通过，重新整改';
  if (typeof d.notes === 'string') return d.notes;
  return null;
};

/** One correction task: what was found, the unit's fix, the re-checks, and the actions of this reader. */
export function TaskDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const centre = mayViewRounds(user.role);
  const loaded = useAsync(useCallback(() => getTask(id), [id]));
  const [task, setTask] = useState<TaskDetail | undefined>(undefined);
  const [action, setAction] = useState<Action | null>(null);
  const [recheck, setRecheck] = useState<CheckTarget | null>(null);
  useEffect(() => setTask(loaded.data), [loaded.data]);

  if (!task) {
    if (loaded.error)
      return <PageError error={loaded.error} title="整改任务加载失败" onRetry={loaded.reload} />;
    return <PageLoading />;
  }

  const open = async (a: Action) => {
    if (a.name !== 'record_recheck') return setAction(a);
    const target: CheckTarget = { title: task.guideTitle, question: task.question, phone: task.phone };
    try {
      const item = await getItem(task.roundId, task.itemId);
      const revised = item.current !== null;
      setRecheck({
        ...target,
        expected: item.current ?? item.expected,
        ...(revised ? { note: `指南已修订，检查时为第 ${task.articleVersion} 版` } : {}),
      });
    } catch {
      setRecheck(target);
    }
  };

  return (
    <Spin spinning={loaded.loading}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {loaded.error ? <Alert type="error" showIcon title={errorMessage(loaded.error)} closable /> : null}
        <Card>
          <Flex justify="space-between" align="flex-start" wrap gap="middle">
            <Space orientation="vertical" size={4}>
              <Space wrap>
                <Button
                  type="text"
                  icon={<ArrowLeftOutlined />}
                  onClick={() => navigate('/accuracy/tasks')}
                  aria-label="返回"
                />
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="task-title">
                  整改任务 · {task.guideTitle}
                </Typography.Title>
                <TaskStatusTag status={task.status} />
              </Space>
              <Space size={4} wrap>
                {task.reasons.map((r) => (
                  <Tag key={r.code} color={r.code === 'guide_outdated' ? 'magenta' : 'orange'}>
                    {r.label}
                  </Tag>
                ))}
                <Typography.Text type="secondary">整改期限：</Typography.Text>
                {task.deadlineState ? (
                  <DeadlineCell state={task.deadlineState} deadlineAt={task.deadlineAt} />
                ) : (
                  <Typography.Text type="secondary">{formatTime(task.deadlineAt)}</Typography.Text>
                )}
              </Space>
            </Space>
            <Space wrap>
              {task.allowedActions.map((a) => (
                <Button
                  key={a.name}
                  type="primary"
                  onClick={() => void open(a)}
                  data-testid={`task-action-${a.name}`}
                >
                  {a.label}
                </Button>
              ))}
              <Button icon={<ReloadOutlined />} onClick={() => loaded.reload()} data-testid="task-reload">
                刷新
              </Button>
            </Space>
          </Flex>
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Card title="任务信息">
                <Descriptions
                  size="small"
                  column={1}
                  data-testid="task-descriptions"
                  items={[
                    { key: 'unit', label: '责任单位', children: task.ownerUnitName },
                    {
                      key: 'guide',
                      label: '办事指南',
                      children: (
                        <Link to={`/knowledge/${task.articleId}`}>
                          {task.guideTitle}（第{task.articleVersion}版）
                        </Link>
                      ),
                    },
                    { key: 'question', label: '检查问题', children: task.question },
                    { key: 'phone', label: '拨打号码', children: task.phone },
                    {
                      key: 'round',
                      label: '检查轮次',
                      children: centre ? (
                        <Link to={`/accuracy/rounds/${task.roundId}`}>{task.roundName}</Link>
                      ) : (
                        task.roundName
                      ),
                    },
                    { key: 'opened', label: '生成时间', children: formatTime(task.openedAt) },
                    {
                      key: 'fix',
                      label: '整改情况',
                      children: task.fixNote ? (
                        <span data-testid="task-fix-note">
                          {task.fixNote}
                          <Typography.Text type="secondary">
                            （{task.fixedByName} {formatTime(task.fixedAt)}
                            {task.proposedVersion ? `，已提交指南第 ${task.proposedVersion} 版` : ''}）
                          </Typography.Text>
                        </span>
                      ) : (
                        EMPTY
                      ),
                    },
                    {
                      key: 'recheck',
                      label: '复查',
                      children:
                        task.recheckPlannedOn || task.recheckCheckerName
                          ? `已安排：${task.recheckCheckerName ?? ''}${task.recheckPlannedOn ? `，${task.recheckPlannedOn}` : ''}`
                          : task.recheckCount
                            ? `已复查 ${task.recheckCount} 次`
                            : EMPTY,
                    },
                    { key: 'closed', label: '销号时间', children: formatTime(task.closedAt) },
                  ]}
                />
              </Card>
              <Card title="检查与复查记录">
                <Table<CheckView>
                  rowKey="id"
                  size="small"
                  columns={checkColumns}
                  dataSource={task.checks}
                  pagination={false}
                  scroll={{ x: 900 }}
                  data-testid="task-checks"
                />
              </Card>
            </Space>
          </Col>
          <Col xs={24} xl={10}>
            <Card title="处理过程">
              {task.history.length === 0 ? (
                <Empty />
              ) : (
                <Timeline
                  data-testid="task-history"
                  items={task.history.map((h, i) => ({
                    key: `${h.at}-${i}`,
                    content: (
                      <Space
                        orientation="vertical"
                        size={0}
                        data-testid="task-history-entry"
                        data-action={h.action}
                      >
                        <Typography.Text strong>{h.actionLabel}</Typography.Text>
                        <Typography.Text type="secondary">
                          {formatTime(h.at)} {h.actorName ?? ''}
                        </Typography.Text>
                        {historyText(h) && <Typography.Text>{historyText(h)}</Typography.Text>}
                      </Space>
                    ),
                  }))}
                />
              )}
            </Card>
          </Col>
        </Row>
      </Space>
      {action && (
        <TaskActionModal task={task} action={action} onDone={setTask} onClose={() => setAction(null)} />
      )}
      {recheck && (
        <RecordCheckModal
          heading="记录复查"
          target={recheck}
          issuePrefix="input."
          onSubmit={async (body) => {
            setTask(await actOnTask(task.id, 'record_recheck', { ...body }));
          }}
          onClose={() => setRecheck(null)}
        />
      )}
    </Spin>
  );
}
