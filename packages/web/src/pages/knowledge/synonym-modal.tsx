import { KB_SYNONYM_LIMITS } from '@huawu/domain';
import { App, Form, Input, Select, Typography } from 'antd';
import {
  type SynonymChange,
  type SynonymGroup,
  createSynonymGroup,
  updateSynonymGroup,
} from '../../api/knowledge';
import { FormModal } from '../../components/form-modal';
import { listOtherIssues, useFormSubmit } from '../../lib/use-form-submit';

interface Props {
  /** The group to edit; null adds a new one. */
  group: SynonymGroup | null;
  onClose: () => void;
  onSaved: (change: SynonymChange) => void;
}

interface Values {
  terms: string[];
  note?: string;
}

const { maxTerms, minTerms, termLength, note: noteMax } = KB_SYNONYM_LIMITS;

/** Per-term problems name the term: "terms[3]" → 第 4 个词. */
const otherIssues = listOtherIssues((issue) => {
  const at = /^terms\[(\d+)\]$/.exec(issue.field);
  return at ? `第 ${Number(at[1]) + 1} 个词：${issue.message}` : issue.message;
});

/** Adds or edits a synonym group: terms as tags (the first is the official wording), and a note. */
export function SynonymModal({ group, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const { submitting, error, submit } = useFormSubmit(form, { otherIssues });

  const save = async (values: Values) => {
    const body = { terms: values.terms, note: values.note?.trim() || null };
    const change = group ? await updateSynonymGroup(group.id, body) : await createSynonymGroup(body);
    message.success(group ? '同义词组已保存，下一次检索即生效' : '同义词组已新增，下一次检索即生效');
    onSaved(change);
    onClose();
  };

  return (
    <FormModal
      title={group ? '编辑同义词组' : '新增同义词组'}
      submitting={submitting}
      error={error}
      onSubmit={() => void submit(save)}
      onClose={onClose}
      okText="保存"
      testIds={{ submit: 'kb-synonym-save', error: 'kb-synonym-error' }}
    >
      <div data-testid="kb-synonym-form">
        <Form<Values>
          form={form}
          layout="vertical"
          disabled={submitting}
          initialValues={{ terms: group?.terms ?? [], note: group?.note ?? '' }}
        >
          <Form.Item
            name="terms"
            label="同义词"
            extra={`输入后按回车（或逗号）添加；第一个为规范用语（如办事指南中的正式名称），其余为群众口语说法。每组 ${minTerms}–${maxTerms} 个词，每个词不超过 ${termLength} 个字。`}
            rules={[
              {
                validator: async (_, value: string[] | undefined) => {
                  const n = value?.length ?? 0;
                  if (n < minTerms) throw new Error(`一组至少需要 ${minTerms} 个词`);
                  if (n > maxTerms) throw new Error(`一组最多 ${maxTerms} 个词`);
                  const long = value?.find((t) => t.trim().length > termLength);
                  if (long) throw new Error(`“${long}”超过 ${termLength} 个字`);
                },
              },
            ]}
          >
            <Select
              mode="tags"
              open={false}
              suffixIcon={null}
              tokenSeparators={[',', '，', '、', ';', '；']}
              placeholder="例如：供热费 暖气费 取暖费"
              data-testid="kb-synonym-terms"
            />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} maxLength={noteMax} showCount data-testid="kb-synonym-note" />
          </Form.Item>
        </Form>
        <Typography.Text type="secondary">
          检索时，问题中出现组内任一词语，都会同时按组内其他词语检索。
        </Typography.Text>
      </div>
    </FormModal>
  );
}
