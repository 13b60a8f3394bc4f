import { KB_ACTION_LABELS, type KbAction, kbActionInputs } from '@huawu/domain';
import { App, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  type ArticleDetail,
  approveVersion,
  expireArticle,
  rejectVersion,
  submitVersion,
  withdrawVersion,
} from '../../api/knowledge';
import { FormModal } from '../../components/form-modal';
import { useFormSubmit } from '../../lib/use-form-submit';

export type DialogAction = Exclude<KbAction, 'edit'>;
type Values = Record<string, string | undefined>;

/** The call of each action; its input (comment / reason) and label come from the domain workflow. */
const RUN: Record<DialogAction, (id: string, version: number, values: Values) => Promise<ArticleDetail>> = {
  submit: (id, v) => submitVersion(id, v),
  approve: (id, v, values) => approveVersion(id, v, values.comment),
  reject: (id, v, values) => rejectVersion(id, v, values.comment ?? ''),
  withdraw: (id, v, values) => withdrawVersion(id, v, values.comment),
  expire: (id, _v, values) => expireArticle(id, values.reason ?? ''),
};

const TONE: Partial<Record<KbAction, 'primary' | 'danger'>> = {
  submit: 'primary',
  approve: 'primary',
  reject: 'danger',
  expire: 'danger',
};

const ORDER: KbAction[] = ['edit', 'submit', 'approve', 'reject', 'withdraw', 'expire'];

/** The version an action works on: the pending proposal, else the latest version. */
export const workingVersion = (article: ArticleDetail) =>
  article.pendingVersion?.version ?? article.latestVersion;

/** What an action is applied to: an article and one of its versions. */
export interface ActionTarget {
  id: string;
  title: string;
  version: number;
}

interface DialogProps {
  target: ActionTarget;
  name: DialogAction;
  onClose: () => void;
  onDone: (article: ArticleDetail) => void;
  onStale: () => void;
}

/** Confirms one action, asking for the inputs the domain defines for it (comment, reason), and posts it. */
export function ActionDialog({ target, name, onClose, onDone, onStale }: DialogProps) {
  const label = KB_ACTION_LABELS[name];
  const inputs = Object.entries(kbActionInputs(name));
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const { submitting, error, submit } = useFormSubmit(form, {
    fieldNames: inputs.map(([key]) => key),
    onApiError: (err) => {
      if (err.code !== 'CONFLICT') return false;
      message.warning(`${err.message}（已重新加载）`);
      onClose();
      onStale();
      return true;
    },
  });

  const run = async (values: Values) => {
    const trimmed = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, value?.trim() || undefined]),
    );
    const next = await RUN[name](target.id, target.version, trimmed);
    message.success(`${label}成功`);
    onDone(next);
    onClose();
  };

  return (
    <FormModal
      title={`${label} · ${target.title}（v${target.version}）`}
      submitting={submitting}
      error={error}
      onSubmit={() => void submit(run)}
      onClose={onClose}
      danger={TONE[name] === 'danger'}
      testIds={{ submit: 'kb-action-submit', error: 'kb-action-error' }}
    >
      <Form form={form} layout="vertical" disabled={submitting} data-testid={`kb-action-form-${name}`}>
        {inputs.length === 0 && <p>确认{label}？</p>}
        {inputs.map(([key, spec]) => (
          <Form.Item
            key={key}
            name={key}
            label={spec.label}
            rules={
              spec.required ? [{ required: true, whitespace: true, message: `请填写${spec.label}` }] : []
            }
          >
            <Input.TextArea
              rows={3}
              maxLength={spec.kind === 'text' ? spec.maxLength : undefined}
              showCount
              data-testid={`kb-action-${key}`}
            />
          </Form.Item>
        ))}
      </Form>
    </FormModal>
  );
}

interface Props {
  article: ArticleDetail;
  onDone: (article: ArticleDetail) => void;
  onStale: () => void;
}

/** One button per action the server allows this user now (`allowedActions`). */
export function ArticleActions({ article, onDone, onStale }: Props) {
  const navigate = useNavigate();
  const [active, setActive] = useState<DialogAction | null>(null);
  const allowed = ORDER.filter((name) => article.allowedActions.includes(name));
  if (allowed.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="kb-actions">
        {allowed.map((name) =>
          name === 'edit' ? (
            <Button
              key={name}
              onClick={() => navigate(`/knowledge/${article.id}/edit`)}
              data-testid="kb-action-edit"
            >
              {article.pendingVersion ? '修改提议' : '提议修改'}
            </Button>
          ) : (
            <Button
              key={name}
              type={TONE[name] === 'primary' ? 'primary' : 'default'}
              danger={TONE[name] === 'danger'}
              onClick={() => setActive(name)}
              data-testid={`kb-action-${name}`}
            >
              {KB_ACTION_LABELS[name]}
            </Button>
          ),
        )}
      </Space>
      {active && (
        <ActionDialog
          key={active}
          target={{ id: article.id, title: article.title, version: workingVersion(article) }}
          name={active}
          onClose={() => setActive(null)}
          onDone={onDone}
          onStale={onStale}
        />
      )}
    </>
  );
}
