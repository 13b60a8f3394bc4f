import { Card, Col, Empty, Row, Space, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { AccuracyReport, Discrepancy, UnitReport } from '../../api/accuracy';
import { EMPTY, formatTime } from '../../lib/format';
import { TaskStatusTag, VerdictTag, percent } from './accuracy-tags';

const unitColumns: TableColumnsType<UnitReport> = [
  { title: '单位', dataIndex: 'unitName', key: 'unit', fixed: 'left', width: 190, ellipsis: true },
  { title: '检查项', dataIndex: 'items', key: 'items', width: 72 },
  { title: '已检查', dataIndex: 'checks', key: 'checks', width: 72 },
  { title: '接通', dataIndex: 'reached', key: 'reached', width: 64 },
  {
    title: '接通率',
    dataIndex: 'reachedRate',
    key: 'reachedRate',
    width: 84,
    render: (rate: number | null) => <span data-testid="report-reached-rate">{percent(rate)}</span>,
  },
  {
    title: '平均接通用时',
    dataIndex: 'meanAnswerSeconds',
    key: 'mean',
    width: 110,
    render: (s: number | null) => (s === null ? EMPTY : `${s} 秒`),
  },
  { title: '准确', dataIndex: 'accurate', key: 'accurate', width: 60 },
  { title: '部分准确', dataIndex: 'partly', key: 'partly', width: 84 },
  { title: '错误', dataIndex: 'wrong', key: 'wrong', width: 60 },
  { title: '无法接通', dataIndex: 'unreachable', key: 'unreachable', width: 84 },
  { title: '指南过时', dataIndex: 'outdatedGuides', key: 'outdated', width: 84 },
  {
    title: '准确率',
    dataIndex: 'accuracyRate',
    key: 'accuracyRate',
    width: 84,
    render: (rate: number | null) => (
      <Typography.Text strong data-testid="report-accuracy-rate">
        {percent(rate)}
      </Typography.Text>
    ),
  },
  {
    title: '整改（未销号）',
    key: 'tasks',
    width: 110,
    render: (_: unknown, u) => `${u.tasksOpened}（${u.tasksUnresolved}）`,
  },
];

const discrepancyColumns: TableColumnsType<Discrepancy> = [
  { title: '单位', dataIndex: 'unitName', key: 'unit', width: 170, ellipsis: true },
  {
    title: '办事指南',
    dataIndex: 'guideTitle',
    key: 'guide',
    width: 200,
    ellipsis: true,
    render: (title: string, d) => `${title}（第${d.articleVersion}版）`,
  },
  { title: '检查问题', dataIndex: 'question', key: 'question', ellipsis: true },
  {
    title: '结论',
    key: 'verdict',
    width: 150,
    render: (_: unknown, d) => (
      <Space size={4} wrap>
        <VerdictTag verdict={d.verdict} label={d.verdictLabel} />
        {d.guideOutdated && <Tag color="magenta">指南过时</Tag>}
      </Space>
    ),
  },
  {
    title: '差异说明',
    dataIndex: 'notes',
    key: 'notes',
    ellipsis: true,
    render: (n: string | null) => n ?? EMPTY,
  },
  {
    title: '整改任务',
    key: 'task',
    width: 130,
    render: (_: unknown, d) =>
      d.taskId && d.taskStatus ? (
        <Link to={`/accuracy/tasks/${d.taskId}`}>
          <TaskStatusTag status={d.taskStatus} testId="discrepancy-task-status" />
        </Link>
      ) : (
        EMPTY
      ),
  },
  {
    title: '检查时间',
    dataIndex: 'checkedAt',
    key: 'at',
    width: 140,
    render: (at: string) => formatTime(at),
  },
];

const unitRow = (u: UnitReport) =>
  ({ 'data-testid': 'report-row', 'data-unit': u.unitName }) as HTMLAttributes<HTMLElement>;

/** A per-unit report: headline figures, the table per unit (with a total row) and the discrepancies. */
export function ReportView({ report, extra }: { report: AccuracyReport; extra?: ReactNode }) {
  const t = report.total;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="accuracy-report">
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Statistic
            title="检查数"
            value={t.checks}
            suffix={t.unchecked ? `（未检查 ${t.unchecked}）` : undefined}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="接通率" value={percent(t.reachedRate)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title="平均接通用时"
            value={t.meanAnswerSeconds ?? EMPTY}
            suffix={t.meanAnswerSeconds === null ? undefined : '秒'}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="准确率" value={percent(t.accuracyRate)} data-testid="report-total-accuracy" />
        </Col>
      </Row>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary" data-testid="report-formula">
          {report.formula}
        </Typography.Text>
        {extra}
      </Space>
      <Table<UnitReport>
        rowKey="unitId"
        size="small"
        columns={unitColumns}
        dataSource={report.units}
        pagination={false}
        scroll={{ x: 1240 }}
        onRow={unitRow}
        locale={{ emptyText: <Empty description="没有检查记录" /> }}
        summary={() =>
          report.units.length > 1 ? (
            <Table.Summary.Row>
              {unitColumns.map((column, i) => {
                const key = String(column.key);
                const value =
                  key === 'unit'
                    ? '合计'
                    : key === 'reachedRate' || key === 'accuracyRate'
                      ? percent(t[key])
                      : key === 'mean'
                        ? t.meanAnswerSeconds === null
                          ? EMPTY
                          : `${t.meanAnswerSeconds} 秒`
                        : key === 'tasks'
                          ? `${t.tasksOpened}（${t.tasksUnresolved}）`
                          : String(t[key as keyof UnitReport] ?? '');
                return (
                  <Table.Summary.Cell key={key} index={i}>
                    <Typography.Text strong>{value}</Typography.Text>
                  </Table.Summary.Cell>
                );
              })}
            </Table.Summary.Row>
          ) : null
        }
        data-testid="report-table"
      />
      <Card size="small" title={`差异清单（${report.discrepancies.length}）`}>
        <Table<Discrepancy>
          rowKey="itemId"
          size="small"
          columns={discrepancyColumns}
          dataSource={report.discrepancies}
          pagination={report.discrepancies.length > 10 ? { pageSize: 10 } : false}
          scroll={{ x: 1100 }}
          locale={{ emptyText: <Empty description="没有发现差异" /> }}
          data-testid="discrepancy-table"
        />
      </Card>
    </Space>
  );
}
