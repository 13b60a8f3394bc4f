import { Card, Descriptions, Flex } from 'antd';
import type { Negotiation } from '../../api/types';
import { EMPTY, formatTime } from '../../lib/format';

/** 协商记录: how the lead unit was agreed after repeated returns; nothing when there are none. */
export function OrderNegotiations({ items }: { items: Negotiation[] }) {
  if (items.length === 0) return null;
  return (
    <Card title="协商记录" data-testid="order-negotiations">
      <Flex vertical gap="middle">
        {items.map((item) => (
          <Descriptions key={item.id} size="small" column={1} bordered data-testid="negotiation">
            <Descriptions.Item label="协商时间">{formatTime(item.at)}</Descriptions.Item>
            <Descriptions.Item label="参与单位和人员">{item.participants}</Descriptions.Item>
            <Descriptions.Item label="协商结论">
              <span style={{ whiteSpace: 'pre-wrap' }}>{item.conclusion}</span>
            </Descriptions.Item>
            <Descriptions.Item label="主办单位">{item.leadUnitName ?? item.leadUnitId}</Descriptions.Item>
            <Descriptions.Item label="协办单位">
              {item.coUnitNames.length ? item.coUnitNames.join('、') : EMPTY}
            </Descriptions.Item>
          </Descriptions>
        ))}
      </Flex>
    </Card>
  );
}
