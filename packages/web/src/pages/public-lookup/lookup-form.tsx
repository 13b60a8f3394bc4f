import { isOrderNumber, isPhoneLast4 } from '@huawu/domain';
import { Button, Form, Input } from 'antd';

export interface LookupValues {
  orderNo: string;
  phoneLast4: string;
}

/** Keeps digits only, so a number pasted with spaces or dashes still works. */
const digitsOnly = (event: { target: { value: string } }) => event.target.value.replace(/\D/g, '');

/** 工单号 + 手机号后四位: large fields with the phone's number pad. */
export function LookupForm({ busy, onSubmit }: { busy: boolean; onSubmit: (values: LookupValues) => void }) {
  return (
    <Form<LookupValues> layout="vertical" requiredMark={false} onFinish={onSubmit} disabled={busy}>
      <Form.Item
        name="orderNo"
        label="工单号"
        getValueFromEvent={digitsOnly}
        extra="12 位数字，见受理短信或话务员告知的工单号"
        rules={[
          { required: true, message: '请输入工单号' },
          {
            validator: (_, value: string | undefined) =>
              !value || isOrderNumber(value)
                ? Promise.resolve()
                : Promise.reject(new Error('工单号为 12 位数字')),
          },
        ]}
      >
        <Input
          size="large"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={12}
          autoComplete="off"
          placeholder="例如 202611290001"
          data-testid="lookup-order-no"
        />
      </Form.Item>
      <Form.Item
        name="phoneLast4"
        label="手机号后四位"
        getValueFromEvent={digitsOnly}
        extra="来电时所用号码的后四位"
        rules={[
          { required: true, message: '请输入手机号后四位' },
          {
            validator: (_, value: string | undefined) =>
              !value || isPhoneLast4(value)
                ? Promise.resolve()
                : Promise.reject(new Error('请输入 4 位数字')),
          },
        ]}
      >
        <Input
          size="large"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={4}
          autoComplete="off"
          placeholder="4 位数字"
          data-testid="lookup-last4"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="lookup-submit">
        查询
      </Button>
    </Form>
  );
}
