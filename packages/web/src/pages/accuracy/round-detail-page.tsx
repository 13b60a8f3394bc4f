import { ArrowLeftOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tabs,
  Typography,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  type AccuracyItem,
  type RoundDetail,
  actOnRound,
  getItem,
  getRound,
  getRoundReport,
  recordCheck,
  roundReportCsvUrl,
} from '../../api/accuracy';
import { errorMessage } from '../../api/client';
import { DeadlineCell } from '../../components/deadline-cell';
import { PageError } from '../../components/page-error';
import { PageLoading } from '../../components/page-loading';
import { EMPTY, formatTime } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { CheckResult, RoundStatusTag, TaskStatusTag } from './accuracy-tags';
import { type CheckTarget, RecordCheckModal } from './record-check-modal';
import { ReportView } from './report-view';

const itemRow = (item: AccuracyItem) =>
  ({ 'data-testid': 'item-row', 'data-title': item.guideTitle }) as HTMLAttributes<HTMLElement>;

function itemColumns(
  canRecord: boolean,
  onRecord: (item: AccuracyItem) => void,
): TableColumnsType<AccuracyItem> {
  return [
    { title: '序号', dataIndex: 'seq', key: 'seq', width: 56 },
    { title: '单位', dataIndex: 'ownerUnitName', key: 'unit', width: 140, ellipsis: true },
    {
      title: '办事指南',
      dataIndex: 'guideTitle',
      key: 'guide',
      width: 200,
      ellipsis: true,
      render: (title: string, item) => (
        <Link to={`/knowledge/${item.articleId}`} title={title}>
          {title}
          <Typography.Text type="secondary">（第{item.articleVersion}版）</Typography.Text>
        </Link>
      ),
    },
    { title: '检查问题', dataIndex: 'question', key: 'question', ellipsis: true },
    { title: '拨打号码', dataIndex: 'phone', key: 'phone', width: 120 },
    { title: '检查人', dataIndex: 'checkerName', key: 'checker', width: 110, ellipsis: true },
    {
      title: '检查结果',
      key: 'check',
      width: 220,
      render: (_: unknown, item) =>
        item.check ? (
          <Space orientation="vertical" size={0}>
            <CheckResult check={item.check} />
            {item.rechecks.length > 0 && (
              <Typography.Text type="secondary">
                复查 {item.rechecks.length} 次：{item.rechecks.at(-1)?.verdictLabel}
              </Typography.Text>
            )}
          </Space>
        ) : canRecord ? (
          <Button size="small" type="primary" onClick={() => onRecord(item)} data-testid="record-check">
            记录检查
          </Button>
        ) : (
          <Typography.Text type="secondary">未检查</Typography.Text>
        ),
    },
    {
      title: '整改任务',
      key: 'task',
      width: 210,
      render: (_: unknown, item) =>
        item.task ? (
          <Space orientation="vertical" size={2}>
            <Link to={`/accuracy/tasks/${item.task.id}`} data-testid="item-task-link">
              <TaskStatusTag status={item.task.status} testId="item-task-status" />
            </Link>
            {item.task.deadlineState && (
              <DeadlineCell state={item.task.deadlineState} deadlineAt={item.task.deadlineAt} />
            )}
          </Space>
        ) : (
          EMPTY
        ),
    },
  ];
}

function RoundReportTab({ round }: { round: RoundDetail }) {
  const { data, error, loading, reload } = useAsync(useCallback(() => getRoundReport(round.id), [round.id]));
  if (error) return <PageError error={error} title="报告加载失败" onRetry={reload} />;
  if (!data || loading) return <PageLoading />;
  return (
    <ReportView
      report={data}
      extra={
        <Button icon={<DownloadOutlined />} href={roundReportCsvUrl(round.id)} data-testid="report-export">
          导出 CSV
        </Button>
      }
    />
  );
}

/** One round: its items with check results and tasks, recording checks, the per-unit report. */
export function RoundDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'report' ? 'report' : 'items';
  const { data: round, error, loading, reload } = useAsync(useCallback(() => getRound(id), [id]));
  const [recording, setRecording] = useState<{ item: AccuracyItem; target: CheckTarget } | null>(null);
  const [acting, setActing] = useState<string | null>(null);

  if (!round) {
    if (error) return <PageError error={error} title="检查轮次加载失败" onRetry={reload} />;
    return <PageLoading />;
  }

  const openRecord = async (item: AccuracyItem) => {
    const target: CheckTarget = { title: item.guideTitle, question: item.question, phone: item.phone };
    try {
      const detail = await getItem(round.id, item.id);
      setRecording({ item, target: { ...target, expected: detail.expected } });
    } catch (err) {
      message.warning(`预期答复加载失败：${errorMessage(err)}`);
      setRecording({ item, target });
    }
  };

  const act = async (action: string, label: string) => {
    setActing(action);
    try {
      await actOnRound(round.id, action);
      message.success(`${label}成功`);
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setActing(null);
    }
  };

  return (
    <Spin spinning={loading}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {error ? <Alert type="error" showIcon title={errorMessage(error)} closable /> : null}
        <Card>
          <Flex justify="space-between" align="flex-start" wrap gap="middle">
            <Space orientation="vertical" size={4}>
              <Space wrap>
                <Button
                  type="text"
                  icon={<ArrowLeftOutlined />}
                  onClick={() => navigate('/accuracy')}
                  aria-label="返回"
                />
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="round-name">
                  {round.name}
                </Typography.Title>
                <RoundStatusTag status={round.status} testId="round-status" />
              </Space>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 3 }}
                items={[
                  {
                    key: 'period',
                    label: '检查期间',
                    children: `${round.periodStart} 至 ${round.periodEnd}`,
                  },
                  { key: 'checker', label: '检查人', children: round.checkerName },
                  {
                    key: 'progress',
                    label: '进度',
                    children: (
                      <span data-testid="round-progress">
                        已检查 {round.progress.checked}/{round.progress.items}，未销号整改{' '}
                        {round.progress.unresolvedTasks}
                      </span>
                    ),
                  },
                  { key: 'units', label: '被检查单位', children: round.unitNames.join('、'), span: 2 },
                  {
                    key: 'created',
                    label: '安排',
                    children: `${round.createdByName} ${formatTime(round.createdAt)}`,
                  },
                ]}
              />
            </Space>
            <Space wrap>
              {round.allowedActions.map((a) =>
                a.name === 'complete' ? (
                  <Popconfirm
                    key={a.name}
                    title="完成本轮检查？"
                    description={
                      round.progress.checked < round.progress.items
                        ? `还有 ${round.progress.items - round.progress.checked} 项未检查，完成后不能再记录。`
                        : '完成后不能再记录本轮检查（整改复查不受影响）。'
                    }
                    onConfirm={() => act(a.name, a.label)}
                  >
                    <Button loading={acting === a.name} data-testid={`round-action-${a.name}`}>
                      {a.label}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button
                    key={a.name}
                    type="primary"
                    loading={acting === a.name}
                    onClick={() => void act(a.name, a.label)}
                    data-testid={`round-action-${a.name}`}
                  >
                    {a.label}
                  </Button>
                ),
              )}
              <Link to={`/accuracy/tasks?roundId=${round.id}`}>本轮整改任务</Link>
              <Button icon={<ReloadOutlined />} onClick={() => reload()} data-testid="round-reload">
                刷新
              </Button>
            </Space>
          </Flex>
        </Card>
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(key) => setParams(key === 'report' ? { tab: 'report' } : {})}
            items={[
              {
                key: 'items',
                label: <span data-testid="tab-items">检查项（{round.items.length}）</span>,
                children: (
                  <Table<AccuracyItem>
                    rowKey="id"
                    size="middle"
                    columns={itemColumns(round.canRecord, (item) => void openRecord(item))}
                    dataSource={round.items}
                    pagination={round.items.length > 50 ? { pageSize: 50 } : false}
                    scroll={{ x: 1200 }}
                    onRow={itemRow}
                    data-testid="item-table"
                  />
                ),
              },
              {
                key: 'report',
                label: <span data-testid="tab-report">分单位报告</span>,
                children: tab === 'report' ? <RoundReportTab round={round} /> : null,
              },
            ]}
          />
        </Card>
      </Space>
      {recording && (
        <RecordCheckModal
          heading="记录检查"
          target={recording.target}
          onSubmit={async (body) => {
            await recordCheck(round.id, recording.item.id, body);
            reload();
          }}
          onClose={() => setRecording(null)}
        />
      )}
    </Spin>
  );
}
