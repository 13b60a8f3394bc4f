import { Typography } from 'antd';

/** 知识库 (placeholder). */
export function KnowledgePage() {
  return <Typography.Title level={3}>知识库</Typography.Title>;
}
