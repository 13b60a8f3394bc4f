import { Button, Space } from 'antd';
import { useState } from 'react';
import type { AllowedEvent, OrderDetail } from '../../api/types';
import type { UnitTreeNode } from '../../lib/unit-tree';
import { ActionModal } from './action-modal';
import type { ActionPrefills } from './action-prefill';

interface Props {
  order: OrderDetail;
  unitTree: UnitTreeNode[];
  onDone: (order: OrderDetail) => void;
  onStale: () => void;
  /** Form values per action the page supplies (see closurePrefills). */
  prefills?: ActionPrefills;
}

/** One button per action the server allows this user now (`allowedEvents`). */
export function OrderActions({ order, unitTree, onDone, onStale, prefills }: Props) {
  const [active, setActive] = useState<AllowedEvent | null>(null);
  if (order.allowedEvents.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="order-actions">
        {order.allowedEvents.map((event) => (
          <Button
            key={event.name}
            type={event.tone === 'primary' ? 'primary' : 'default'}
            danger={event.tone === 'danger'}
            onClick={() => setActive(event)}
            data-testid={`action-${event.name}`}
          >
            {event.label}
          </Button>
        ))}
      </Space>
      {active && (
        <ActionModal
          key={active.name}
          order={order}
          action={active}
          unitTree={unitTree}
          onClose={() => setActive(null)}
          onDone={onDone}
          onStale={onStale}
          prefill={prefills?.[active.name]}
        />
      )}
    </>
  );
}
