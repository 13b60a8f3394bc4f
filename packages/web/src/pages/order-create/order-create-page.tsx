import { Alert, App, Button, Card, Form, Space } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { fetchCategories } from '../../api/intake';
import type { CreateOrderBody } from '../../api/types';
import { createOrder } from '../../api/work-orders';
import { IntakeFields } from '../../components/intake-fields';
import { buildCategoryTree } from '../../lib/category-tree';
import { INITIAL_INTAKE, type IntakeValues, toIntakeDraft } from '../../lib/intake-form-values';
import { useAsync } from '../../lib/use-async';
import { useFormSubmit } from '../../lib/use-form-submit';

/** 受理: records a new work order (POST /api/work-orders) and opens it. */
export function OrderCreatePage() {
  const [form] = Form.useForm<IntakeValues>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { submitting, error, submit } = useFormSubmit(form);
  const categories = useAsync(fetchCategories);
  const categoryTree = useMemo(
    () => (categories.data ? buildCategoryTree(categories.data.items) : []),
    [categories.data],
  );

  const create = async (values: IntakeValues) => {
    // The form's rules hold the required fields, so the draft is a complete body.
    const order = await createOrder(toIntakeDraft(values) as CreateOrderBody);
    message.success(`工单 ${order.orderNo} 已受理`);
    navigate(`/orders/${order.id}`);
  };

  return (
    <Card title="新建工单（受理）">
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="create-error" />
      )}
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        initialValues={INITIAL_INTAKE}
        onFinish={() => void submit(create)}
        disabled={submitting}
        scrollToFirstError
      >
        <IntakeFields categories={categoryTree} categoriesLoading={categories.loading} />
        <Space>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="create-submit">
            提交受理
          </Button>
          <Button onClick={() => navigate('/orders')} disabled={submitting}>
            取消
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
