import { NOT_ACCEPTED_REASONS, TRANSFER_METHODS, TRANSFER_TARGETS } from '@huawu/domain';
import { Alert, Form, Input, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DupCandidate, IntakeDecision } from '../../api/intake';
import { FormModal } from '../../components/form-modal';
import { useFormSubmit } from '../../lib/use-form-submit';
import { type DecisionRequest, eventLabel, inputSpecs, specLabel, specMax } from './decision-request';

const options = (field: { values: readonly string[]; labels: Record<string, string> }) =>
  field.values.map((value) => ({ value, label: field.labels[value] ?? value }));

interface Props {
  request: DecisionRequest;
  candidates: DupCandidate[];
  onClose: () => void;
  /** Creates the order with this decision; rejects with the API error (form issues already placed). */
  onSubmit: (decision: IntakeDecision) => Promise<void>;
}

type Values = Record<string, string | undefined>;

function initialValues(request: DecisionRequest): Values {
  switch (request.event) {
    case 'answer_directly':
      return { answer: request.answer };
    case 'reject':
      return { reasonCode: request.reasonCode, channelTold: request.channelTold };
    case 'transfer_out':
      return { target: request.target, method: 'one_click' };
    case 'merge':
      return { targetOrderId: request.target?.id };
  }
}

const trimmed = (values: Values) => {
  const input: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (value?.trim()) input[key] = value.trim();
  return input;
};

/** The dialog of one intake decision (直办答复 / 不予受理 / 转外线 / 并单), posted with the order. */
export function DecisionModal({ request, candidates, onClose, onSubmit }: Props) {
  const [form] = Form.useForm<Values>();
  const [article, setArticle] = useState(request.event === 'answer_directly' ? request.article : undefined);
  const specs = inputSpecs(request.event);
  // Issues of the order itself are also marked on the intake form behind this dialog.
  const { submitting, error, submit } = useFormSubmit(form, {
    fieldNames: [...Object.keys(specs), 'articleId', 'articleVersion'],
    issuePrefix: 'decision.input.',
  });
  const target = Form.useWatch('target', form);
  const mergeId = Form.useWatch('targetOrderId', form);
  const mergeTarget =
    candidates.find((candidate) => candidate.id === mergeId) ??
    (request.event === 'merge' ? request.target : undefined);

  const decide = async (values: Values) => {
    const input: IntakeDecision['input'] = trimmed(values);
    if (request.event === 'answer_directly' && article) {
      input.articleId = article.id;
      input.articleVersion = article.version;
    }
    await onSubmit({ event: request.event, input });
    onClose();
  };

  return (
    <FormModal
      title={eventLabel(request.event)}
      submitting={submitting}
      error={error}
      onSubmit={() => void submit(decide)}
      onClose={onClose}
      okText={request.event === 'merge' ? '确认并单' : '确定'}
      danger={request.event === 'reject' || request.event === 'transfer_out'}
      testIds={{ submit: 'decision-submit', error: 'decision-error', cancel: 'decision-cancel' }}
    >
      <Form
        form={form}
        layout="vertical"
        disabled={submitting}
        initialValues={initialValues(request)}
        data-testid={`decision-form-${request.event}`}
      >
        {request.event === 'answer_directly' && (
          <>
            {article && (
              <Form.Item label="知识库依据">
                <Tag
                  color="blue"
                  closable
                  onClose={() => setArticle(undefined)}
                  data-testid="decision-article"
                  data-article-id={article.id}
                  data-article-version={article.version}
                >
                  {article.title}（第 {article.version} 版）
                </Tag>
              </Form.Item>
            )}
            <Form.Item
              name="answer"
              label={specLabel(specs.answer, '答复内容')}
              rules={[{ required: true, whitespace: true, message: '请填写答复内容' }]}
            >
              <Input.TextArea
                autoSize={{ minRows: 5, maxRows: 12 }}
                maxLength={specMax(specs.answer, 2000)}
                showCount
                data-testid="field-answer"
              />
            </Form.Item>
          </>
        )}
        {request.event === 'reject' && (
          <>
            <Form.Item
              name="reasonCode"
              label={specLabel(specs.reasonCode, '不予受理原因')}
              rules={[{ required: true, message: '请选择不予受理原因' }]}
            >
              <Select options={options(NOT_ACCEPTED_REASONS)} data-testid="field-reasonCode" />
            </Form.Item>
            <Form.Item
              name="channelTold"
              label={specLabel(specs.channelTold, '告知的办理渠道')}
              rules={[{ required: true, whitespace: true, message: '请填写告知来电人的办理渠道' }]}
            >
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 8 }}
                maxLength={specMax(specs.channelTold, 2000)}
                data-testid="field-channelTold"
              />
            </Form.Item>
          </>
        )}
        {request.event === 'transfer_out' && (
          <>
            <Form.Item
              name="target"
              label={specLabel(specs.target, '转接对象')}
              rules={[{ required: true, message: '请选择转接对象' }]}
            >
              <Select options={options(TRANSFER_TARGETS)} data-testid="field-target" />
            </Form.Item>
            {target === 'other_hotline' && (
              <Form.Item
                name="otherHotline"
                label={specLabel(specs.otherHotline, '其他热线名称')}
                rules={[{ required: true, whitespace: true, message: '请填写热线名称' }]}
              >
                <Input maxLength={specMax(specs.otherHotline, 100)} data-testid="field-otherHotline" />
              </Form.Item>
            )}
            <Form.Item name="method" label={specLabel(specs.method, '转接方式')} rules={[{ required: true }]}>
              <Select options={options(TRANSFER_METHODS)} data-testid="field-method" />
            </Form.Item>
            <Form.Item name="outcome" label={specLabel(specs.outcome, '转接结果')}>
              <Input maxLength={specMax(specs.outcome, 500)} data-testid="field-outcome" />
            </Form.Item>
          </>
        )}
        {request.event === 'merge' && (
          <>
            <Form.Item
              name="targetOrderId"
              label={specLabel(specs.targetOrderId, '并入工单')}
              rules={[{ required: true, whitespace: true, message: '请选择并入的工单' }]}
            >
              {candidates.length ? (
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={candidates.map((candidate) => ({
                    value: candidate.id,
                    label: `${candidate.orderNo} ${candidate.title}`,
                  }))}
                  data-testid="field-targetOrderId"
                />
              ) : (
                <Input placeholder="工单编号或 ID" maxLength={64} data-testid="field-targetOrderId" />
              )}
            </Form.Item>
            <Alert
              type="info"
              showIcon
              data-testid="merge-notice"
              title={`并单后不再单独派单：请告知来电人，将以已有工单${mergeTarget ? ` ${mergeTarget.orderNo}` : ''}的办理结果答复。`}
              style={{ marginBottom: 16 }}
            />
          </>
        )}
        <Form.Item name="comment" label={specLabel(specs.comment, '备注')}>
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={specMax(specs.comment, 2000)}
            data-testid="field-comment"
          />
        </Form.Item>
        {request.event === 'answer_directly' && (
          <Typography.Text type="secondary">直办答复后工单即办结（需要回访时进入待回访）。</Typography.Text>
        )}
      </Form>
    </FormModal>
  );
}
