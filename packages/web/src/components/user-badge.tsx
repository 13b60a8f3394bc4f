import { Button, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { User } from '../api/types';
import { roleLabel } from '../lib/format';

interface Props {
  user: User;
  onLogout: () => void;
  logoutIcon?: ReactNode;
}

export function UserBadge({ user, onLogout, logoutIcon }: Props) {
  return (
    <Space size="middle" data-testid="current-user">
      <Typography.Text strong data-testid="current-user-name">
        {user.displayName}
      </Typography.Text>
      <Tag color="blue" data-testid="current-user-role">
        {user.roleLabel || roleLabel(user.role)}
      </Tag>
      {user.unitName && <Typography.Text type="secondary">{user.unitName}</Typography.Text>}
      <Button icon={logoutIcon} onClick={onLogout} data-testid="logout">
        退出登录
      </Button>
    </Space>
  );
}
