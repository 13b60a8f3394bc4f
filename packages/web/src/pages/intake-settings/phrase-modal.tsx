import { PHRASE_CREATE_FIELDS, PHRASE_STEPS } from '@huawu/domain';
import { Alert, App, Form, type GetRef, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { createPhrase, type EditablePhrase, updatePhrase } from '../../api/intake';
import { FormModal } from '../../components/form-modal';
import { listOtherIssues, useFormSubmit } from '../../lib/use-form-submit';
import { clearIssuesOnChange } from './clear-issues';
import { PLACEHOLDER_NAMES, previewPhrase } from './phrase-preview';

interface Values {
  step: string;
  title: string;
  text: string;
  active: boolean;
}

const FIELDS = ['step', 'title', 'text', 'active'];
const maxOf = (field: 'title' | 'text') => {
  const spec = PHRASE_CREATE_FIELDS[field];
  return spec?.kind === 'text' ? spec.maxLength : undefined;
};
const STEP_OPTIONS = PHRASE_STEPS.values.map((value) => ({ value, label: PHRASE_STEPS.labels[value] }));

/** The filled-in text of a phrase as an agent would read it, and placeholders the desk cannot fill. */
export function PhrasePreviewView({
  text,
  agentNo,
  testId,
}: {
  text: string;
  agentNo: string;
  testId: string;
}) {
  const preview = previewPhrase(text, agentNo);
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Typography.Text data-testid={testId}>{preview.text || '—'}</Typography.Text>
      {preview.unknown.length > 0 && (
        <Typography.Text type="warning" data-testid={`${testId}-unknown`}>
          未知占位符：{preview.unknown.map((name) => `{${name}}`).join('、')}（受理台不会自动填写）
        </Typography.Text>
      )}
    </Space>
  );
}

/**
 * 新增 / 编辑服务用语: title, text and (when editing) whether agents see it, with a live preview of the
 * text filled in like the workbench does. Server field errors land on the fields.
 */
export function PhraseModal({
  phrase,
  step,
  agentNo,
  onClose,
  onSaved,
}: {
  /** The phrase to edit; absent for a new one in `step`. */
  phrase?: EditablePhrase;
  step?: string;
  agentNo: string;
  onClose: () => void;
  onSaved: (phrase: EditablePhrase) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { submitting, error, submit } = useFormSubmit(form, {
    fieldNames: FIELDS,
    otherIssues: listOtherIssues(),
  });
  const textRef = useRef<GetRef<typeof Input.TextArea>>(null);
  const text = Form.useWatch('text', form) ?? phrase?.text ?? '';

  const insert = (name: string) => {
    const area = textRef.current?.resizableTextArea?.textArea;
    const current: string = form.getFieldValue('text') ?? '';
    const at = area ? area.selectionStart : current.length;
    const end = area ? area.selectionEnd : current.length;
    form.setFieldValue('text', `${current.slice(0, at)}{${name}}${current.slice(end)}`);
    area?.focus();
  };

  const save = async (values: Values) => {
    const saved = phrase
      ? await updatePhrase(phrase.id, { title: values.title, text: values.text, active: values.active })
      : await createPhrase({ step: values.step, title: values.title, text: values.text });
    message.success(phrase ? '服务用语已保存' : '服务用语已新增');
    onSaved(saved);
  };

  return (
    <FormModal
      width={640}
      title={phrase ? `编辑服务用语 · ${phrase.stepLabel}` : '新增服务用语'}
      submitting={submitting}
      error={error}
      onSubmit={() => void submit(save)}
      onClose={onClose}
      okText="保存"
      testIds={{ submit: 'phrase-save', error: 'phrase-error' }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={submitting}
        onValuesChange={clearIssuesOnChange(form)}
        initialValues={{
          step: phrase?.step ?? step ?? 'opening',
          title: phrase?.title ?? '',
          text: phrase?.text ?? '',
          active: phrase?.active ?? true,
        }}
        data-testid="phrase-form"
      >
        {!phrase && (
          <Form.Item name="step" label="环节" rules={[{ required: true, message: '请选择环节' }]}>
            <Select options={STEP_OPTIONS} data-testid="phrase-step" />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label="标题"
          rules={[{ required: true, whitespace: true, message: '请填写标题' }]}
        >
          <Input maxLength={maxOf('title')} showCount data-testid="phrase-title" />
        </Form.Item>
        <Form.Item
          name="text"
          label="话术内容"
          rules={[{ required: true, whitespace: true, message: '请填写话术内容' }]}
        >
          <Input.TextArea
            ref={textRef}
            rows={3}
            maxLength={maxOf('text')}
            showCount
            data-testid="phrase-text"
          />
        </Form.Item>
        <Space size={4} wrap style={{ marginTop: -4, marginBottom: 20 }}>
          <Typography.Text type="secondary">插入占位符：</Typography.Text>
          {PLACEHOLDER_NAMES.map((name) => (
            <Tag
              key={name}
              style={{ cursor: 'pointer' }}
              onClick={() => insert(name)}
              data-testid={`phrase-placeholder-${name}`}
            >
              {`{${name}}`}
            </Tag>
          ))}
        </Space>
        {phrase && (
          <Form.Item name="active" label="启用（话务员可见）" valuePropName="checked">
            <Switch data-testid="phrase-active" />
          </Form.Item>
        )}
      </Form>
      <Alert
        type="info"
        title="预览（示例值）"
        description={<PhrasePreviewView text={text} agentNo={agentNo} testId="phrase-live-preview" />}
      />
    </FormModal>
  );
}
