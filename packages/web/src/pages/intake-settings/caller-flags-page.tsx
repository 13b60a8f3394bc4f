import { SearchOutlined, WarningOutlined } from '@ant-design/icons';
import { CALLER_FLAG_FIELDS } from '@huawu/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Radio,
  Row,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import {
  type CallerHistory,
  type FlaggedCaller,
  fetchCallerFlags,
  fetchCallerHistory,
  setCallerFlag,
} from '../../api/intake';
import { applyIssues } from '../../lib/form-issues';
import { clearIssuesOnChange } from './clear-issues';
import { EMPTY, formatTime } from '../../lib/format';
import { useAsync } from '../../lib/use-async';

interface Values {
  phone: string;
  harassment: boolean;
  note?: string;
}

const FIELDS = ['phone', 'harassment', 'note'];
const noteSpec = CALLER_FLAG_FIELDS.note;
const NOTE_MAX = noteSpec?.kind === 'text' ? noteSpec.maxLength : undefined;

/** Numbers as the agent types them: spaces and dashes dropped (the server stores them so). */
const cleanPhone = (phone: string) => phone.replace(/[\s-]/g, '');

/** The current flag of one number and its order counts (the same lookup the workbench makes; audited). */
function HistoryView({ history }: { history: CallerHistory }) {
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="flag-history">
      {history.flag.harassment ? (
        <Alert
          type="error"
          showIcon
          icon={<WarningOutlined />}
          title={`${history.phone} 已标记为骚扰电话`}
          description={history.flag.note ?? undefined}
          data-testid="flag-history-harassment"
        />
      ) : (
        <Alert type="success" showIcon title={`${history.phone} 未标记`} data-testid="flag-history-clear" />
      )}
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'at', label: '标记时间', children: formatTime(history.flag.setAt) },
          { key: 'total', label: '历史工单', children: history.stats.total },
          { key: 'open', label: '未办结', children: history.stats.open },
        ]}
      />
    </Space>
  );
}

/**
 * 来电标记: numbers flagged as harassing (恶意骚扰, domain.md §5) — the workbench shows the flag when
 * such a number calls. Set or clear a flag with a note; look a number up to see its current flag.
 */
export function CallerFlagsPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const flags = useAsync(useCallback(() => fetchCallerFlags(), []));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [history, setHistory] = useState<CallerHistory | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);
  const harassment = Form.useWatch('harassment', form) ?? true;

  const lookup = async (raw: string) => {
    const phone = cleanPhone(raw ?? '');
    if (!phone) return;
    setLooking(true);
    setLookupError(null);
    try {
      setHistory(await fetchCallerHistory(phone, new AbortController().signal));
    } catch (err) {
      setHistory(null);
      setLookupError(errorMessage(err));
    } finally {
      setLooking(false);
    }
  };

  const save = async (values: Values) => {
    setBusy(true);
    setError(null);
    const phone = cleanPhone(values.phone);
    try {
      const note = values.note?.trim();
      const result = await setCallerFlag(phone, { harassment: values.harassment, ...(note ? { note } : {}) });
      message.success(
        result.flag.harassment ? `已将 ${result.phone} 标记为骚扰电话` : `已解除 ${result.phone} 的标记`,
      );
      form.setFieldsValue({ note: '' });
      flags.reload();
      await lookup(result.phone);
    } catch (err) {
      const rest = isApiError(err) ? applyIssues(form, err.issues, FIELDS, 'params.') : [];
      if (!isApiError(err) || err.issues.length === 0) setError(errorMessage(err));
      else if (rest.length) setError(rest.map((issue) => issue.message).join('；'));
    } finally {
      setBusy(false);
    }
  };

  const clear = async (flag: FlaggedCaller) => {
    try {
      await setCallerFlag(flag.phone, { harassment: false });
      message.success(`已解除 ${flag.phone} 的标记`);
      flags.reload();
      if (history?.phone === flag.phone) await lookup(flag.phone);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns: TableColumnsType<FlaggedCaller> = [
    { title: '来电号码', dataIndex: 'phone', key: 'phone', width: 130 },
    {
      title: '说明',
      dataIndex: 'note',
      key: 'note',
      render: (note: string | null) => note ?? EMPTY,
    },
    { title: '标记人', dataIndex: 'setByName', key: 'setByName', width: 110, render: (n) => n ?? EMPTY },
    {
      title: '标记时间',
      dataIndex: 'setAt',
      key: 'setAt',
      width: 140,
      render: (at: string) => formatTime(at),
    },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_: unknown, flag) => (
        <Space size="small">
          <Button
            size="small"
            onClick={() => {
              form.setFieldsValue({ phone: flag.phone, harassment: true, note: flag.note ?? '' });
              void lookup(flag.phone);
            }}
          >
            查看
          </Button>
          <Popconfirm
            title={`解除 ${flag.phone} 的骚扰标记？`}
            okText="解除"
            cancelText="取消"
            onConfirm={() => clear(flag)}
          >
            <Button size="small" data-testid="flag-clear">
              解除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9}>
        <Card title="标记 / 解除骚扰来电" data-testid="flag-card">
          <Typography.Paragraph type="secondary">
            对持续恶意骚扰、辱骂话务员的号码做标记。该号码再次来电时，受理台在来电人历史中醒目提示，话务员可依规定按
            「恶意骚扰」不予受理。
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form<Values>
            form={form}
            layout="vertical"
            disabled={busy}
            onValuesChange={clearIssuesOnChange(form)}
            initialValues={{ phone: '', harassment: true, note: '' }}
            onFinish={(values) => void save(values)}
            data-testid="flag-form"
          >
            <Form.Item
              name="phone"
              label="来电号码"
              rules={[{ required: true, whitespace: true, message: '请填写来电号码' }]}
            >
              <Input maxLength={20} placeholder="手机号或带区号的座机号" data-testid="flag-phone" />
            </Form.Item>
            <Form.Item name="harassment" label="标记">
              <Radio.Group
                optionType="button"
                options={[
                  { value: true, label: '标记为骚扰电话' },
                  { value: false, label: '解除标记' },
                ]}
                data-testid="flag-harassment"
              />
            </Form.Item>
            <Form.Item
              name="note"
              label="说明"
              extra={harassment ? '如：多次来电辱骂话务员（话务员可见）' : undefined}
            >
              <Input.TextArea rows={2} maxLength={NOTE_MAX} showCount data-testid="flag-note" />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="flag-submit">
                保存
              </Button>
              <Button
                icon={<SearchOutlined />}
                loading={looking}
                onClick={() => void lookup(form.getFieldValue('phone'))}
                data-testid="flag-lookup"
              >
                查询当前标记
              </Button>
            </Space>
          </Form>
          {lookupError && <Alert type="warning" showIcon title={lookupError} style={{ marginTop: 16 }} />}
          {history && (
            <div style={{ marginTop: 16 }}>
              <HistoryView history={history} />
            </div>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card
          title={
            <Space>
              已标记的号码
              {flags.data && <Tag color="red">{flags.data.total}</Tag>}
            </Space>
          }
          data-testid="flag-list"
        >
          {flags.error ? (
            <Alert
              type="error"
              showIcon
              title="标记列表加载失败"
              description={errorMessage(flags.error)}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Table<FlaggedCaller>
            rowKey="phone"
            size="small"
            loading={flags.loading}
            columns={columns}
            dataSource={flags.data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            onRow={(flag) =>
              ({ 'data-testid': 'flag-row', 'data-phone': flag.phone }) as React.HTMLAttributes<HTMLElement>
            }
            locale={{ emptyText: '暂无标记的号码' }}
          />
        </Card>
      </Col>
    </Row>
  );
}
