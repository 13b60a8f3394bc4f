import { CheckCircleFilled, ExclamationCircleOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip, Typography } from 'antd';
import type { FiveElement } from '../../api/intake';

const DEFAULT: FiveElement[] = [
  { key: 'name', label: '姓名', present: false, hint: '' },
  { key: 'time', label: '时间', present: false, hint: '' },
  { key: 'address', label: '地址', present: false, hint: '' },
  { key: 'cause', label: '起因', present: false, hint: '' },
  { key: 'process', label: '经过', present: false, hint: '' },
];

interface Props {
  elements: FiveElement[] | undefined;
  missing: string[] | undefined;
  checking: boolean;
}

/** 五要素 checklist from the live check: what the record already has and what to ask for. */
export function FiveElements({ elements, missing, checking }: Props) {
  const items = elements?.length ? elements : DEFAULT;
  const known = elements !== undefined;
  return (
    <Space wrap size={4} data-testid="five-elements" data-missing={(missing ?? []).join(',')}>
      <Typography.Text type="secondary">五要素：</Typography.Text>
      {items.map((element) => (
        <Tooltip key={element.key} title={element.present ? null : element.hint || `请补充${element.label}`}>
          <Tag
            color={!known || element.required === false ? 'default' : element.present ? 'success' : 'warning'}
            icon={known && element.present ? <CheckCircleFilled /> : <ExclamationCircleOutlined />}
            data-testid={`five-element-${element.key}`}
            data-present={known ? String(element.present) : 'unknown'}
          >
            {element.label}
          </Tag>
        </Tooltip>
      ))}
      {known && missing && missing.length > 0 && (
        <Typography.Text type="warning" data-testid="five-elements-missing">
          还缺：{missing.join('、')}
        </Typography.Text>
      )}
      {checking && <Typography.Text type="secondary">检查中…</Typography.Text>}
    </Space>
  );
}
