import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Space, Switch, Typography } from 'antd';
import { newCheckId } from './policy-form-values';

/** 审核清单: the items a reviewer ticks before approving a unit's reply; add, remove, reorder, 必查 switch. */
export function ChecklistEditor() {
  return (
    <Form.List name="reviewChecklist">
      {(fields, { add, remove, move }) => (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="checklist-editor">
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="flex-start" data-testid="checklist-item">
              <Form.Item name={[field.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Typography.Text type="secondary" style={{ width: 24, paddingTop: 5 }}>
                {index + 1}.
              </Typography.Text>
              <Form.Item
                name={[field.name, 'label']}
                rules={[{ required: true, whitespace: true, message: '请填写审核项' }, { max: 100 }]}
                style={{ flex: 1, marginBottom: 0 }}
              >
                <Input placeholder="审核项内容" maxLength={100} data-testid="checklist-label" />
              </Form.Item>
              <Form.Item name={[field.name, 'required']} valuePropName="checked" style={{ marginBottom: 0 }}>
                <Switch checkedChildren="必查" unCheckedChildren="选查" data-testid="checklist-required" />
              </Form.Item>
              <Button
                icon={<ArrowUpOutlined />}
                disabled={index === 0}
                onClick={() => move(index, index - 1)}
                aria-label="上移"
              />
              <Button
                icon={<ArrowDownOutlined />}
                disabled={index === fields.length - 1}
                onClick={() => move(index, index + 1)}
                aria-label="下移"
              />
              <Button danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除" />
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            disabled={fields.length >= 20}
            onClick={() => add({ id: newCheckId(), label: '', required: true })}
            data-testid="checklist-add"
          >
            添加审核项
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
