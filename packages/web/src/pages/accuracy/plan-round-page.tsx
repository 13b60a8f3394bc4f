import { ArrowLeftOutlined } from '@ant-design/icons';
import { PLAN_LIMITS, mayPlanAccuracy } from '@huawu/domain';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  type GuideCandidate,
  type PlanBody,
  fetchAccuracySettings,
  fetchCheckers,
  fetchGuideCandidates,
  planRound,
} from '../../api/accuracy';
import { errorMessage, isApiError } from '../../api/client';
import { useCurrentUser } from '../../auth/auth-context';
import { PageError } from '../../components/page-error';
import { applyIssues } from '../../lib/form-issues';
import { useAsync } from '../../lib/use-async';
import { useUnits } from '../../lib/use-units';
import { PlanGuides, type PlannedItem } from './plan-guides';

interface Values {
  name: string;
  period: [Dayjs, Dayjs];
  unitIds: string[];
  checkerId: string;
  mode: 'pick' | 'sample';
  samplePerUnit: number;
}

const FORM_FIELDS = ['name', 'period', 'unitIds', 'checkerId', 'samplePerUnit'];

/** Server paths → form fields (the period is one control for two dates; `items` goes to the guide list). */
const toFormField = (field: string) =>
  field === 'periodStart' || field === 'periodEnd' ? 'period' : field.replace(/^unitIds\[\d+\]$/, 'unitIds');

/** 安排检查: name, period, units, checker, and the guides (picked with questions and numbers, or sampled). */
export function PlanRoundPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const units = useUnits();
  const checkers = useAsync(useCallback(() => fetchCheckers(), []));
  const settings = useAsync(useCallback(() => fetchAccuracySettings(), []));
  const unitIds = Form.useWatch('unitIds', form) ?? [];
  const mode = Form.useWatch('mode', form) ?? 'pick';
  const unitKey = [...unitIds].sort().join(',');
  const [candidates, setCandidates] = useState<{ items: GuideCandidate[]; loading: boolean; error: unknown }>(
    {
      items: [],
      loading: false,
      error: null,
    },
  );
  const [selected, setSelected] = useState<Map<string, PlannedItem>>(new Map());
  const [itemErrors, setItemErrors] = useState<Map<string, string[]>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    if (!unitKey) {
      setCandidates({ items: [], loading: false, error: null });
      return;
    }
    let cancelled = false;
    setCandidates((c) => ({ ...c, loading: true, error: null }));
    fetchGuideCandidates(unitKey.split(','))
      .then((items) => !cancelled && setCandidates({ items, loading: false, error: null }))
      .catch((err: unknown) => !cancelled && setCandidates({ items: [], loading: false, error: err }));
    return () => {
      cancelled = true;
    };
  }, [unitKey]);

  // Guides of units no longer chosen leave the selection.
  useEffect(() => {
    setSelected((current) => {
      const ids = new Set(candidates.items.map((c) => c.articleId));
      const next = new Map([...current].filter(([id]) => ids.has(id)));
      return next.size === current.size ? current : next;
    });
  }, [candidates.items]);

  const unitOptions = useMemo(
    () => units.units.filter((u) => u.kind !== 'centre').map((u) => ({ value: u.id, label: u.name })),
    [units.units],
  );
  // The round's checker defaults to the first 质检员 once the list is in.
  useEffect(() => {
    if (!checkers.data || form.getFieldValue('checkerId')) return;
    form.setFieldValue('checkerId', checkers.data.find((c) => c.role === 'inspector')?.id ?? user.id);
  }, [checkers.data, form, user.id]);

  if (!mayPlanAccuracy(user.role)) {
    return <PageError error={new Error('只有值班长和管理员可以安排检查')} title="无权安排检查" />;
  }

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const picked = [...selected].map(([articleId, item]) => ({ articleId, ...item }));
    if (values.mode === 'pick' && picked.length === 0) {
      setError('请至少选择一个办事指南');
      return;
    }
    const body: PlanBody = {
      name: values.name,
      periodStart: values.period[0].format('YYYY-MM-DD'),
      periodEnd: values.period[1].format('YYYY-MM-DD'),
      unitIds: values.unitIds,
      checkerId: values.checkerId,
      ...(values.mode === 'pick'
        ? {
            items: picked.map((p) => ({
              articleId: p.articleId,
              ...(p.question.trim() ? { question: p.question.trim() } : {}),
              ...(p.phone.trim() ? { phone: p.phone.trim() } : {}),
            })),
          }
        : { samplePerUnit: values.samplePerUnit }),
    };
    setSubmitting(true);
    setError(null);
    setItemErrors(new Map());
    try {
      const round = await planRound(body);
      message.success(`已安排检查：${round.items.length} 个检查项`);
      navigate(`/accuracy/rounds/${round.id}`);
    } catch (err) {
      if (isApiError(err) && err.code === 'VALIDATION_FAILED') {
        const perItem = new Map<string, string[]>();
        const rest = err.issues.filter((issue) => {
          const match = /^items\[(\d+)\]/.exec(issue.field);
          const id = match ? picked[Number(match[1])]?.articleId : undefined;
          if (id) perItem.set(id, [...(perItem.get(id) ?? []), issue.message]);
          return !id;
        });
        setItemErrors(perItem);
        const unmatched = applyIssues(
          form,
          rest.map((issue) => ({ ...issue, field: toFormField(issue.field) })),
          FORM_FIELDS,
        );
        setError(unmatched.length ? unmatched.map((i) => i.message).join('；') : err.message);
      } else {
        setError(errorMessage(err));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const today = dayjs();
  return (
    <Card
      title={
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate('/accuracy')}
            aria-label="返回"
          />
          安排办事指南准确度检查
        </Space>
      }
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="plan-error" />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={submitting}
        initialValues={{
          name: `${today.format('YYYY年M月')}办事指南准确度检查`,
          period: [today.startOf('month'), today.endOf('month')],
          unitIds: [],
          mode: 'pick',
        }}
        style={{ maxWidth: 1100 }}
      >
        <Space wrap size="large" align="start">
          <Form.Item
            name="name"
            label="检查名称"
            rules={[{ required: true, whitespace: true, message: '请填写检查名称' }]}
          >
            <Input maxLength={PLAN_LIMITS.nameLength} style={{ width: 360 }} data-testid="plan-name" />
          </Form.Item>
          <Form.Item name="period" label="检查期间" rules={[{ required: true, message: '请选择检查期间' }]}>
            <DatePicker.RangePicker allowClear={false} data-testid="plan-period" />
          </Form.Item>
          <Form.Item name="checkerId" label="检查人" rules={[{ required: true, message: '请选择检查人' }]}>
            <Select
              style={{ width: 220 }}
              loading={checkers.loading}
              options={(checkers.data ?? []).map((c) => ({ value: c.id, label: `${c.displayName}` }))}
              data-testid="plan-checker"
            />
          </Form.Item>
        </Space>
        <Form.Item
          name="unitIds"
          label="被检查单位"
          rules={[{ required: true, type: 'array', min: 1, message: '请选择单位' }]}
        >
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择一个或多个承办单位"
            loading={units.loading}
            options={unitOptions}
            data-testid="plan-units"
          />
        </Form.Item>
        <Form.Item name="mode" label="选取办事指南">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'pick', label: '手动选择' },
              { value: 'sample', label: '每单位随机抽查' },
            ]}
            data-testid="plan-mode"
          />
        </Form.Item>
        {mode === 'sample' ? (
          <Form.Item
            name="samplePerUnit"
            label="每单位抽查数量"
            initialValue={settings.data?.samplePerUnit ?? 3}
            rules={[{ required: true, message: '请填写抽查数量' }]}
            extra="优先抽取从未检查或最久未检查的指南；问题与拨打号码按指南自动生成。"
          >
            <InputNumber min={1} max={PLAN_LIMITS.maxSamplePerUnit} precision={0} data-testid="plan-sample" />
          </Form.Item>
        ) : (
          <Form.Item label="办事指南" required>
            <PlanGuides
              candidates={candidates.items}
              loading={candidates.loading}
              error={candidates.error}
              selected={selected}
              onChange={setSelected}
              itemErrors={itemErrors}
            />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" loading={submitting} onClick={() => void submit()} data-testid="plan-submit">
            安排检查
          </Button>
          <Button onClick={() => navigate('/accuracy')} disabled={submitting}>
            取消
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
