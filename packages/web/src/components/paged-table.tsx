import { Alert, Button, Table, type TableColumnsType } from 'antd';
import type { CSSProperties } from 'react';
import { errorMessage } from '../api/client';

interface Props<T> {
  columns: TableColumnsType<T>;
  /** `totalCapped`: the server stopped counting at `total` (shown as "10000+"). */
  data: { items: T[]; total: number; totalCapped?: boolean } | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
  /** What failed, for the error banner (e.g. 工单列表加载失败). */
  errorTitle: string;
  page: number;
  pageSize: number;
  /** A new page size starts again at page 1. */
  onPage: (page: number, pageSize: number) => void;
  scrollX: number;
  testId: string;
  errorTestId: string;
  errorStyle?: CSSProperties;
}

/** A server-paged table (`{ items, total }`) with the page in the caller's hands and a retry banner. */
export function PagedTable<T extends { id: string }>(props: Props<T>) {
  const { data, error, page, pageSize } = props;
  return (
    <>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={props.errorTitle}
          description={errorMessage(error)}
          action={<Button onClick={() => props.reload()}>重试</Button>}
          style={props.errorStyle}
          data-testid={props.errorTestId}
        />
      ) : null}
      <Table<T>
        rowKey="id"
        size="middle"
        loading={props.loading}
        columns={props.columns}
        dataSource={error ? [] : (data?.items ?? [])}
        scroll={{ x: props.scrollX }}
        data-testid={props.testId}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => (data?.totalCapped ? `共 ${total}+ 条` : `共 ${total} 条`),
        }}
        onChange={(pagination) => {
          const size = pagination.pageSize ?? pageSize;
          props.onPage(size !== pageSize ? 1 : (pagination.current ?? 1), size);
        }}
      />
    </>
  );
}
