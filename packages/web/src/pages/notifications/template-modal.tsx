import { App, Form, type GetRef, Input, Space, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { type NotificationTemplate, saveTemplate } from '../../api/notifications-admin';
import { FormModal } from '../../components/form-modal';
import { listOtherIssues, useFormSubmit } from '../../lib/use-form-submit';

interface Values {
  text: string;
}

/** 编辑通知模板: the text of one kind × channel, with chips inserting the allowed placeholders. */
export function TemplateModal({
  template,
  placeholders,
  onClose,
  onSaved,
}: {
  template: NotificationTemplate;
  placeholders: string[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { submitting, error, submit } = useFormSubmit(form, {
    fieldNames: ['text'],
    otherIssues: listOtherIssues(),
  });
  const textRef = useRef<GetRef<typeof Input.TextArea>>(null);

  const insert = (placeholder: string) => {
    const area = textRef.current?.resizableTextArea?.textArea;
    const current: string = form.getFieldValue('text') ?? '';
    const at = area ? area.selectionStart : current.length;
    const end = area ? area.selectionEnd : current.length;
    form.setFieldValue('text', `${current.slice(0, at)}${placeholder}${current.slice(end)}`);
    area?.focus();
  };

  const onSubmit = () =>
    submit(async (values) => {
      await saveTemplate({ kind: template.kind, channel: template.channel, text: values.text });
      message.success('模板已保存');
      onSaved();
    });

  return (
    <FormModal
      title={`编辑模板 · ${template.kindLabel} · ${template.channelLabel}`}
      submitting={submitting}
      error={error}
      onSubmit={onSubmit}
      onClose={onClose}
      okText="保存"
      testIds={{ submit: 'template-submit', error: 'template-error', cancel: 'template-cancel' }}
    >
      <Form form={form} layout="vertical" initialValues={{ text: template.text }}>
        <Space wrap style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">插入占位符：</Typography.Text>
          {placeholders.map((p) => (
            <Tag
              key={p}
              color="blue"
              style={{ cursor: 'pointer' }}
              onClick={() => insert(p)}
              data-testid="template-chip"
            >
              {p}
            </Tag>
          ))}
        </Space>
        <Form.Item
          name="text"
          label="模板内容"
          rules={[{ required: true, whitespace: true, message: '请填写模板内容' }]}
        >
          <Input.TextArea ref={textRef} rows={4} maxLength={500} showCount data-testid="template-text" />
        </Form.Item>
        <Typography.Text type="secondary">默认：{template.defaultText}</Typography.Text>
      </Form>
    </FormModal>
  );
}
