import { CHECK_FIELDS, CHECK_VERDICTS, type CheckVerdict, KB_GUIDE_FIELDS } from '@huawu/domain';
import { App, Checkbox, Descriptions, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { useEffect } from 'react';
import type { CheckBody } from '../../api/accuracy';
import { FormModal } from '../../components/form-modal';
import { useFormSubmit } from '../../lib/use-form-submit';

export interface CheckTarget {
  title: string;
  question: string;
  phone: string;
  /** The guide version the answer is compared with (its published fields). */
  expected?: { version: number; fields: Record<string, string> } | null;
  /** Shown beside the reference, e.g. that the guide was revised since the round was planned. */
  note?: string;
}

interface Values {
  reached: boolean;
  answerSeconds?: number | null;
  rings?: number | null;
  verdict?: CheckVerdict;
  guideOutdated: boolean;
  notes?: string;
  calledNumber?: string;
}

interface Props {
  target: CheckTarget;
  /** 记录检查 or 记录复查. */
  heading: string;
  /** Prefix of the server's issue paths (`input.` for a task action). */
  issuePrefix?: string;
  onSubmit: (body: CheckBody) => Promise<void>;
  onClose: () => void;
}

const FIELD_NAMES = Object.keys(CHECK_FIELDS);
const ANSWERED_VERDICTS = CHECK_VERDICTS.values.filter((v) => v !== 'unreachable');

/** The fields of the expected answer worth comparing on the phone, in the guide's own order. */
function ExpectedAnswer({ expected }: { expected: NonNullable<CheckTarget['expected']> }) {
  const items = Object.entries(KB_GUIDE_FIELDS)
    .filter(([key]) => expected.fields[key])
    .map(([key, spec]) => ({ key, label: spec.label, children: expected.fields[key] }));
  if (items.length === 0)
    return <Typography.Text type="secondary">该版本指南没有可对照的内容</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={items}
      styles={{ label: { width: 96 } }}
      data-testid="check-expected"
    />
  );
}

/**
 * One check call as the checker records it: reached or not (未接通 means 无法接通), seconds until
 * answered, rings, the verdict against the guide, an outdated guide, and what differed.
 */
export function RecordCheckModal({ target, heading, issuePrefix = '', onSubmit, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const reached = Form.useWatch('reached', form);
  const { submitting, error, submit } = useFormSubmit(form, {
    fieldNames: FIELD_NAMES,
    issuePrefix,
  });

  useEffect(() => {
    if (reached === false) form.setFieldsValue({ verdict: 'unreachable', answerSeconds: null });
    else if (form.getFieldValue('verdict') === 'unreachable') form.setFieldsValue({ verdict: undefined });
  }, [reached, form]);

  const save = async (values: Values) => {
    const body: CheckBody = {
      reached: values.reached,
      verdict: values.reached ? (values.verdict as CheckVerdict) : 'unreachable',
      guideOutdated: values.guideOutdated ?? false,
      ...(values.reached && typeof values.answerSeconds === 'number'
        ? { answerSeconds: values.answerSeconds }
        : {}),
      ...(typeof values.rings === 'number' ? { rings: values.rings } : {}),
      ...(values.notes?.trim() ? { notes: values.notes.trim() } : {}),
      ...(values.calledNumber?.trim() && values.calledNumber.trim() !== target.phone
        ? { calledNumber: values.calledNumber.trim() }
        : {}),
    };
    await onSubmit(body);
    message.success(`${heading}已保存`);
    onClose();
  };

  const needsNotes = (verdict?: CheckVerdict, outdated?: boolean) =>
    verdict === 'partly' || verdict === 'wrong' || outdated === true;

  return (
    <FormModal
      title={`${heading} · ${target.title}`}
      width={760}
      submitting={submitting}
      error={error}
      onSubmit={() => void submit(save)}
      onClose={onClose}
      okText="保存"
      testIds={{ submit: 'check-submit', error: 'check-error' }}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'q',
              label: '检查问题',
              children: <Typography.Text strong>{target.question}</Typography.Text>,
            },
            {
              key: 'p',
              label: '拨打号码',
              children: <Typography.Text copyable>{target.phone}</Typography.Text>,
            },
          ]}
        />
        {target.expected && (
          <div>
            <Typography.Text type="secondary">
              预期答复：办事指南第 {target.expected.version} 版
            </Typography.Text>
            <div style={{ maxHeight: 200, overflow: 'auto', marginTop: 4 }}>
              <ExpectedAnswer expected={target.expected} />
            </div>
          </div>
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          disabled={submitting}
          initialValues={{ guideOutdated: false, calledNumber: target.phone }}
          data-testid="check-form"
        >
          <Space wrap size="large" align="start">
            <Form.Item
              name="reached"
              label="是否接通"
              rules={[{ required: true, message: '请选择是否接通' }]}
            >
              <Radio.Group
                optionType="button"
                options={[
                  { value: true, label: '接通' },
                  { value: false, label: '未接通' },
                ]}
                data-testid="check-reached"
              />
            </Form.Item>
            <Form.Item name="answerSeconds" label={CHECK_FIELDS.answerSeconds.label}>
              <InputNumber
                min={0}
                max={600}
                precision={0}
                disabled={reached === false}
                data-testid="check-seconds"
              />
            </Form.Item>
            <Form.Item name="rings" label={CHECK_FIELDS.rings.label}>
              <InputNumber min={0} max={60} precision={0} data-testid="check-rings" />
            </Form.Item>
            <Form.Item name="calledNumber" label={CHECK_FIELDS.calledNumber.label}>
              <Input maxLength={40} style={{ width: 180 }} data-testid="check-number" />
            </Form.Item>
          </Space>
          <Form.Item
            name="verdict"
            label={CHECK_FIELDS.verdict.label}
            rules={[{ required: true, message: '请选择答复结论' }]}
          >
            <Radio.Group
              disabled={reached !== true}
              options={(reached === false ? CHECK_VERDICTS.values : ANSWERED_VERDICTS).map((v) => ({
                value: v,
                label: CHECK_VERDICTS.labels[v],
              }))}
              data-testid="check-verdict"
            />
          </Form.Item>
          <Form.Item name="guideOutdated" valuePropName="checked">
            <Checkbox data-testid="check-outdated">已发布的办事指南内容本身已过时</Checkbox>
          </Form.Item>
          <Form.Item
            name="notes"
            label={CHECK_FIELDS.notes.label}
            dependencies={['verdict', 'guideOutdated']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value?: string) =>
                  needsNotes(getFieldValue('verdict'), getFieldValue('guideOutdated')) && !value?.trim()
                    ? Promise.reject(new Error('请说明答复与指南不一致之处或指南哪些内容过时'))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="check-notes" />
          </Form.Item>
        </Form>
      </Space>
    </FormModal>
  );
}
