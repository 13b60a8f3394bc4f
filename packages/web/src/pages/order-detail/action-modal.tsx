import { App, Form } from 'antd';
import type { AllowedEvent, OrderDetail } from '../../api/types';
import { transitionOrder } from '../../api/work-orders';
import { FormModal } from '../../components/form-modal';
import { useFormSubmit } from '../../lib/use-form-submit';
import type { UnitTreeNode } from '../../lib/unit-tree';
import { toTransitionInput } from './action-input';
import type { ActionPrefill } from './action-prefill';
import { DispatchSuggestionHint, overrideReasonMode, useDispatchSuggestion } from './dispatch-suggestion';
import { SpecField } from './spec-field';

const NO_INPUTS = {};

interface Props {
  order: OrderDetail;
  action: AllowedEvent;
  unitTree: UnitTreeNode[];
  onClose: () => void;
  onDone: (order: OrderDetail) => void;
  onStale: () => void;
  /** Values the form starts with or derives (e.g. the reply script as 回复内容). */
  prefill?: ActionPrefill;
}

/** The form of one action, rendered from its FieldSpecs and posted as a transition. */
export function ActionModal({ order, action, unitTree, onClose, onDone, onStale, prefill }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const fields = Object.entries(action.input ?? {});
  const suggestion = useDispatchSuggestion(order.id, form, action.input ?? NO_INPUTS);
  const reasonMode = overrideReasonMode(suggestion, Form.useWatch('leadUnitId', form));
  const { submitting, error, submit } = useFormSubmit<Record<string, unknown>>(form, {
    fieldNames: Object.keys(action.input ?? {}),
    issuePrefix: 'input.',
    onApiError: (err) => {
      if (err.code === 'VERSION_CONFLICT') {
        message.warning(err.message);
        onClose();
        onStale();
        return true;
      }
      if (err.code === 'VALIDATION_FAILED') message.error(err.message);
      return false;
    },
  });

  // A derived value replaces only what the user has not typed over.
  const follow = (changed: Record<string, unknown>) => {
    const next = prefill?.follow?.(changed);
    for (const [name, value] of Object.entries(next ?? {}))
      if (!form.isFieldTouched(name)) form.setFieldValue(name, value);
  };

  const transition = async (values: Record<string, unknown>) => {
    const input = toTransitionInput(action.input ?? {}, values);
    const detail = await transitionOrder(order.id, action.name, input, order.version);
    message.success(`${action.label}成功`);
    onDone(detail);
    onClose();
  };

  return (
    <FormModal
      title={`${action.label} · ${order.orderNo}`}
      submitting={submitting}
      error={error}
      onSubmit={() => void submit(transition)}
      onClose={onClose}
      danger={action.tone === 'danger'}
      testIds={{ submit: 'action-submit', error: 'action-modal-error', cancel: 'action-modal-cancel' }}
    >
      <Form
        form={form}
        layout="vertical"
        disabled={submitting}
        initialValues={prefill?.initial}
        onValuesChange={follow}
        data-testid={`action-form-${action.name}`}
      >
        {fields.length === 0 && <p>确认{action.label}？</p>}
        <DispatchSuggestionHint state={suggestion} />
        {fields.map(([name, spec]) =>
          name === 'overrideReason' && reasonMode !== 'optional' ? (
            reasonMode === 'required' && (
              <SpecField key={name} name={name} spec={{ ...spec, required: true }} unitTree={unitTree} />
            )
          ) : (
            <SpecField key={name} name={name} spec={spec} unitTree={unitTree} />
          ),
        )}
      </Form>
    </FormModal>
  );
}
