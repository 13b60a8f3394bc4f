import { Card, Flex, Radio, Statistic } from 'antd';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { fetchInbox } from '../../api/desk';
import type { ClockColour } from '../../api/types';
import { COLOUR_TAGS } from '../../components/clock-tag';
import { PagedTable } from '../../components/paged-table';
import { useAsync } from '../../lib/use-async';
import { readPage, writePage } from '../dispatch-desk/page-params';
import { type InboxTableRow, inboxColumns } from './inbox-columns';

const COLOURS: ClockColour[] = ['red', 'yellow', 'green'];
const STAT_COLOURS: Record<ClockColour, string> = { red: '#cf1322', yellow: '#d48806', green: '#389e0d' };

const isColour = (value: string | null): value is ClockColour => COLOURS.includes(value as ClockColour);

/** 单位工作台: the unit's open tasks, red → yellow → green, with counts and a colour filter in the URL. */
export function UnitInboxPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('colour');
  const colour = isColour(raw) ? raw : undefined;
  const { page, pageSize } = readPage(params);
  const { data, error, loading, reload } = useAsync(
    useCallback(() => fetchInbox({ colour, page, pageSize }), [colour, page, pageSize]),
  );
  const rows = useMemo(
    () =>
      data && {
        total: data.total,
        items: data.items.map((row): InboxTableRow => ({ ...row, id: `${row.orderId}-${row.role}` })),
      },
    [data],
  );

  const choose = (next: string) => setParams(next ? { colour: next } : {});

  return (
    <Card title="单位工作台" data-testid="unit-inbox">
      <Flex gap={48} wrap style={{ marginBottom: 16 }}>
        {COLOURS.map((c) => (
          <Statistic
            key={c}
            title={COLOUR_TAGS[c].label}
            value={data?.counts?.[c] ?? 0}
            suffix={data?.countsCapped?.[c] ? '+' : undefined}
            styles={{ content: { color: STAT_COLOURS[c] } }}
            data-testid={`inbox-count-${c}`}
          />
        ))}
      </Flex>
      <Radio.Group
        value={colour ?? ''}
        onChange={(e) => choose(e.target.value)}
        optionType="button"
        style={{ marginBottom: 16 }}
        data-testid="inbox-colour-filter"
        options={[
          { value: '', label: '全部' },
          ...COLOURS.map((c) => ({ value: c, label: COLOUR_TAGS[c].label })),
        ]}
      />
      <PagedTable<InboxTableRow>
        columns={inboxColumns}
        data={rows ?? undefined}
        loading={loading}
        error={error}
        reload={reload}
        errorTitle="待办加载失败"
        errorStyle={{ marginBottom: 16 }}
        errorTestId="inbox-error"
        testId="inbox-table"
        scrollX={1100}
        page={page}
        pageSize={pageSize}
        onPage={(p, size) => setParams(writePage(params, p, size))}
      />
    </Card>
  );
}
