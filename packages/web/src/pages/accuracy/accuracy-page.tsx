import { Typography } from 'antd';

/** 指南准确度检查 (placeholder). */
export function AccuracyPage() {
  return <Typography.Title level={3}>指南准确度检查</Typography.Title>;
}
