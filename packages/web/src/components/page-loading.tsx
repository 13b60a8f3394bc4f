import { Flex, Spin } from 'antd';

export function PageLoading({ description = '加载中…' }: { description?: string }) {
  return (
    <Flex justify="center" align="center" style={{ minHeight: 240, width: '100%' }}>
      <Spin size="large" description={description}>
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </Flex>
  );
}
