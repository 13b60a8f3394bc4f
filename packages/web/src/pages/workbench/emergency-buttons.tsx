import { AlertOutlined, DownOutlined } from '@ant-design/icons';
import { TRANSFER_TARGETS } from '@huawu/domain';
import { Button, Dropdown, Space, Typography } from 'antd';
import type { EmergencyTarget } from '../../api/intake';

export const EMERGENCY_TARGETS: readonly EmergencyTarget[] = ['110', '119', '120', '122'];

export type TransferMethod = 'one_click' | 'three_way';

interface Props {
  busy: boolean;
  disabled: boolean;
  onTransfer: (target: EmergencyTarget, method: TransferMethod) => void;
}

/** 紧急转接: always reachable, even with an empty form — one click transfers and records the order. */
export function EmergencyButtons({ busy, disabled, onTransfer }: Props) {
  return (
    <Space wrap size={6} data-testid="emergency-buttons">
      <Typography.Text type="danger" strong>
        <AlertOutlined /> 紧急转接
      </Typography.Text>
      {EMERGENCY_TARGETS.map((target) => (
        <Button
          key={target}
          danger
          size="small"
          disabled={disabled || busy}
          onClick={() => onTransfer(target, 'one_click')}
          title={`一键转接 ${TRANSFER_TARGETS.labels[target]}`}
          data-testid={`emergency-${target}`}
        >
          {target}
        </Button>
      ))}
      <Dropdown
        disabled={disabled || busy}
        menu={{
          items: EMERGENCY_TARGETS.map((target) => ({
            key: target,
            label: (
              <span data-testid={`emergency-three-way-${target}`}>
                三方通话 {TRANSFER_TARGETS.labels[target]}
              </span>
            ),
          })),
          onClick: ({ key }) => onTransfer(key as EmergencyTarget, 'three_way'),
        }}
      >
        <Button size="small" danger data-testid="emergency-three-way">
          三方通话 <DownOutlined />
        </Button>
      </Dropdown>
    </Space>
  );
}
