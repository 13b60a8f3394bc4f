import { Typography } from 'antd';

/** 受理台 (placeholder). */
export function WorkbenchPage() {
  return <Typography.Title level={3}>受理台</Typography.Title>;
}
