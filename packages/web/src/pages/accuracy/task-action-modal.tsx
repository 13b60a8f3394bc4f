import { App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback } from 'react';
import { type TaskDetail, actOnTask, fetchCheckers } from '../../api/accuracy';
import { FormModal } from '../../components/form-modal';
import { useAsync } from '../../lib/use-async';
import { useFormSubmit } from '../../lib/use-form-submit';

type Action = TaskDetail['allowedActions'][number];

interface Props {
  task: TaskDetail;
  action: Action;
  onDone: (task: TaskDetail) => void;
  onClose: () => void;
}

function CheckerSelect(props: { value?: string; onChange?: (value: string) => void }) {
  const checkers = useAsync(useCallback(() => fetchCheckers(), []));
  return (
    <Select
      {...props}
      loading={checkers.loading}
      placeholder="选择复查人"
      options={(checkers.data ?? []).map((c) => ({ value: c.id, label: c.displayName }))}
      data-testid="field-checkerId"
    />
  );
}

/** 提交整改 (what was fixed, optionally the guide version proposed) and 安排复查 (who, when). */
export function TaskActionModal({ task, action, onDone, onClose }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const specs = action.input;
  const { submitting, error, submit } = useFormSubmit<Record<string, unknown>>(form, {
    fieldNames: Object.keys(specs),
    issuePrefix: 'input.',
  });

  const act = async (values: Record<string, unknown>) => {
    const input: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined || value === null || value === '') continue;
      if (typeof value === 'string') input[key] = value.trim();
      else if (typeof (value as Dayjs).format === 'function')
        input[key] = (value as Dayjs).format('YYYY-MM-DD');
      else input[key] = value;
    }
    const next = await actOnTask(task.id, action.name, input);
    message.success(`${action.label}成功`);
    onDone(next);
    onClose();
  };

  const label = (name: string) => specs[name]?.label ?? name;
  return (
    <FormModal
      title={`${action.label} · ${task.guideTitle}`}
      submitting={submitting}
      error={error}
      onSubmit={() => void submit(act)}
      onClose={onClose}
      testIds={{ submit: 'task-action-submit', error: 'task-action-error' }}
    >
      <Form form={form} layout="vertical" disabled={submitting} data-testid={`task-form-${action.name}`}>
        {action.name === 'mark_fixed' && (
          <>
            <Form.Item
              name="fixNote"
              label={label('fixNote')}
              rules={[{ required: true, whitespace: true, message: '请填写整改情况' }]}
              extra="说明已纠正的答复口径、人员培训或指南修订等。"
            >
              <Input.TextArea rows={4} maxLength={1000} showCount data-testid="field-fixNote" />
            </Form.Item>
            <Form.Item
              name="proposedVersion"
              label={label('proposedVersion')}
              extra={`如已在知识库提交本指南的修订版本，填写版本号（现行第 ${task.articleVersion} 版）。`}
            >
              <InputNumber min={1} precision={0} style={{ width: 160 }} data-testid="field-proposedVersion" />
            </Form.Item>
          </>
        )}
        {action.name === 'schedule_recheck' && (
          <>
            <Form.Item
              name="checkerId"
              label={label('checkerId')}
              rules={[{ required: true, message: '请选择复查人' }]}
            >
              <CheckerSelect />
            </Form.Item>
            <Form.Item name="plannedOn" label={label('plannedOn')}>
              <DatePicker data-testid="field-plannedOn" />
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}
