import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS } from '@huawu/domain';
import { Form, Input, Select, Switch, TreeSelect } from 'antd';
import { createWebhook, updateWebhook, type Webhook } from '../../api/notifications-admin';
import { FormModal } from '../../components/form-modal';
import { listOtherIssues, useFormSubmit } from '../../lib/use-form-submit';
import { useUnits } from '../../lib/use-units';

interface Values {
  url: string;
  unitId?: string;
  kinds: string[];
  active: boolean;
  secret?: string;
}

const KIND_OPTIONS = NOTIFICATION_KINDS.map((k) => ({ value: k, label: NOTIFICATION_KIND_LABELS[k] }));

/** 新增 / 编辑 Webhook: URL, receiving unit (empty = all), kinds (empty = all), active; a new one's secret is returned. */
export function WebhookModal({
  webhook,
  onClose,
  onSaved,
}: {
  webhook?: Webhook;
  onClose: () => void;
  /** `secret` only after creation (shown once). */
  onSaved: (secret?: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { tree } = useUnits();
  const { submitting, error, submit } = useFormSubmit(form, {
    fieldNames: ['url', 'unitId', 'kinds', 'active', 'secret'],
    otherIssues: listOtherIssues(),
  });

  const onSubmit = () =>
    submit(async (values) => {
      const body = {
        url: values.url.trim(),
        unitId: values.unitId ?? null,
        kinds: values.kinds ?? [],
        active: values.active,
        ...(values.secret ? { secret: values.secret } : {}),
      };
      if (webhook) {
        await updateWebhook(webhook.id, body);
        onSaved();
      } else {
        const created = await createWebhook(body);
        onSaved(created.secret);
      }
    });

  return (
    <FormModal
      title={webhook ? '编辑 Webhook' : '新增 Webhook'}
      submitting={submitting}
      error={error}
      onSubmit={onSubmit}
      onClose={onClose}
      okText="保存"
      testIds={{ submit: 'webhook-submit', error: 'webhook-error', cancel: 'webhook-cancel' }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          url: webhook?.url ?? '',
          unitId: webhook?.unitId ?? undefined,
          kinds: webhook?.kinds ?? [],
          active: webhook?.active ?? true,
        }}
      >
        <Form.Item
          name="url"
          label="接收地址"
          rules={[{ required: true, whitespace: true, message: '请填写接收地址' }]}
        >
          <Input placeholder="https://example.gov.cn/hooks/12345" data-testid="webhook-url" />
        </Form.Item>
        <Form.Item name="unitId" label="接收单位" extra="留空 = 所有接收单位的通知">
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeData={tree}
            data-testid="webhook-unit"
          />
        </Form.Item>
        <Form.Item name="kinds" label="订阅的通知类型" extra="留空 = 全部类型">
          <Select mode="multiple" allowClear options={KIND_OPTIONS} data-testid="webhook-kinds" />
        </Form.Item>
        <Form.Item
          name="secret"
          label={webhook ? '新签名密钥（留空保留原密钥）' : '签名密钥（留空自动生成）'}
        >
          <Input.Password autoComplete="new-password" data-testid="webhook-secret" />
        </Form.Item>
        <Form.Item name="active" label="启用" valuePropName="checked">
          <Switch data-testid="webhook-active" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
