import type { FieldSpecs } from '@huawu/domain';
import { Descriptions, type DescriptionsProps, Typography } from 'antd';
import { EMPTY } from '../../lib/format';

const isLink = (value: string) => /^https?:\/\//i.test(value);

/** The kind's fields (labels from the domain specs) of one version, in spec order; unknown keys last. */
export function ArticleFields({
  specs,
  fields,
  testId = 'kb-fields',
}: {
  specs: FieldSpecs;
  fields: Record<string, string>;
  testId?: string;
}) {
  const keys = [...new Set([...Object.keys(specs), ...Object.keys(fields)])];
  const items: DescriptionsProps['items'] = keys.map((key) => {
    const value = fields[key]?.trim() ?? '';
    return {
      key,
      label: specs[key]?.label ?? key,
      children: !value ? (
        <Typography.Text type="secondary">{EMPTY}</Typography.Text>
      ) : isLink(value) ? (
        <Typography.Link href={value} target="_blank" rel="noreferrer" data-testid={`kb-field-${key}`}>
          {value}
        </Typography.Link>
      ) : (
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
          data-testid={`kb-field-${key}`}
        >
          {value}
        </Typography.Paragraph>
      ),
    };
  });
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={{ label: { whiteSpace: 'nowrap', width: 120 } }}
      items={items}
      data-testid={testId}
    />
  );
}
