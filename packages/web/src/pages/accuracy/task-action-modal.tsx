import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { type TaskDetail, actOnTask, fetchCheckers } from '../../api/accuracy';
import { errorMessage, isApiError } from '../../api/client';
import { applyIssues } from '../../lib/form-issues';
import { useAsync } from '../../lib/use-async';

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
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const specs = action.input;

  const submit = async () => {
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const input: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined || value === null || value === '') continue;
      if (typeof value === 'string') input[key] = value.trim();
      else if (typeof (value as Dayjs).format === 'function')
        input[key] = (value as Dayjs).format('YYYY-MM-DD');
      else input[key] = value;
    }
    setSubmitting(true);
    setError(null);
    try {
      const next = await actOnTask(task.id, action.name, input);
      message.success(`${action.label}成功`);
      onDone(next);
      onClose();
    } catch (err) {
      if (isApiError(err) && err.code === 'VALIDATION_FAILED') {
        const rest = applyIssues(form, err.issues, Object.keys(specs), 'input.');
        setError(rest.length ? rest.map((i) => i.message).join('；') : err.message);
      } else {
        setError(errorMessage(err));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const label = (name: string) => specs[name]?.label ?? name;
  return (
    <Modal
      open
      title={`${action.label} · ${task.guideTitle}`}
      onCancel={onClose}
      maskClosable={false}
      width={600}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={submitting}>
          取消
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={submitting}
          onClick={() => void submit()}
          data-testid="task-action-submit"
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
          data-testid="task-action-error"
        />
      )}
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
    </Modal>
  );
}
