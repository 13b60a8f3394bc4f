import { Alert, App, Button, Form, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import type { AllowedEvent, OrderDetail } from '../../api/types';
import { transitionOrder } from '../../api/work-orders';
import { applyIssues } from '../../lib/form-issues';
import type { UnitTreeNode } from '../../lib/unit-tree';
import { toTransitionInput } from './action-input';
import { SpecField } from './spec-field';

interface Props {
  order: OrderDetail;
  action: AllowedEvent;
  unitTree: UnitTreeNode[];
  onClose: () => void;
  onDone: (order: OrderDetail) => void;
  onStale: () => void;
}

/** The form of one action, rendered from its FieldSpecs and posted as a transition. */
export function ActionModal({ order, action, unitTree, onClose, onDone, onStale }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fields = Object.entries(action.input ?? {});

  const submit = async () => {
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const input = toTransitionInput(action.input ?? {}, values);
      const detail = await transitionOrder(order.id, action.name, input, order.version);
      message.success(`${action.label}成功`);
      onDone(detail);
      onClose();
    } catch (err) {
      if (isApiError(err) && err.code === 'VERSION_CONFLICT') {
        message.warning(err.message);
        onClose();
        onStale();
      } else if (isApiError(err) && err.code === 'VALIDATION_FAILED') {
        const rest = applyIssues(form, err.issues, Object.keys(action.input ?? {}), 'input.');
        setError(rest.length ? rest.map((issue) => issue.message).join('；') : err.message);
        message.error(err.message);
      } else {
        setError(errorMessage(err));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open
      title={`${action.label} · ${order.orderNo}`}
      onCancel={onClose}
      maskClosable={false}
      width={600}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={submitting} data-testid="action-modal-cancel">
          取消
        </Button>,
        <Button
          key="submit"
          type="primary"
          danger={action.tone === 'danger'}
          loading={submitting}
          onClick={() => void submit()}
          data-testid="action-submit"
        >
          确定
        </Button>,
      ]}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="action-modal-error"
        />
      )}
      <Form form={form} layout="vertical" disabled={submitting} data-testid={`action-form-${action.name}`}>
        {fields.length === 0 && <p>确认{action.label}？</p>}
        {fields.map(([name, spec]) => (
          <SpecField key={name} name={name} spec={spec} unitTree={unitTree} />
        ))}
      </Form>
    </Modal>
  );
}
