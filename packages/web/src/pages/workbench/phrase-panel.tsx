import { Alert, Card, Collapse, Empty, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { errorMessage } from '../../api/client';
import type { Phrase } from '../../api/intake';
import { fillPhrase, type PhraseValues, STEPS } from './phrase-text';

interface Props {
  phrases: Phrase[] | undefined;
  error: unknown;
  values: PhraseValues;
  /** The whole form read back (复述确认), shown above the read-back phrases. */
  summary: string;
}

function PhraseItem({ phrase, values }: { phrase: Phrase; values: PhraseValues }) {
  const { text, missing } = fillPhrase(phrase.text, values);
  return (
    <div data-testid="phrase" data-step={phrase.step} data-phrase-id={phrase.id}>
      <Typography.Text type="secondary">{phrase.title}</Typography.Text>
      <Typography.Paragraph
        copyable={{ text, tooltips: ['复制', '已复制'] }}
        style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
        data-testid="phrase-text"
      >
        {text}
      </Typography.Paragraph>
      {missing.length > 0 && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          待补充：{missing.join('、')}
        </Typography.Text>
      )}
    </div>
  );
}

/** 服务用语: the phrases of each step of a call, placeholders filled, with copy buttons. */
export function PhrasePanel({ phrases, error, values, summary }: Props) {
  const groups = useMemo(() => {
    const byStep = new Map(STEPS.map(({ step, label }) => [step, { step, label, items: [] as Phrase[] }]));
    for (const phrase of phrases ?? []) {
      const group = byStep.get(phrase.step) ?? { step: phrase.step, label: phrase.stepLabel, items: [] };
      group.items.push(phrase);
      byStep.set(phrase.step, group);
    }
    for (const group of byStep.values()) group.items.sort((a, b) => a.sortOrder - b.sortOrder);
    return [...byStep.values()].filter((group) => group.items.length > 0);
  }, [phrases]);

  return (
    <Card size="small" title="服务用语" data-testid="phrase-panel">
      {error ? (
        <Alert type="warning" showIcon title={`服务用语加载失败：${errorMessage(error)}`} />
      ) : groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={phrases ? '暂无服务用语' : '加载中…'} />
      ) : (
        <Collapse
          size="small"
          defaultActiveKey={['opening', 'readback']}
          items={groups.map((group) => ({
            key: group.step,
            label: <span data-testid={`phrase-step-${group.step}`}>{group.label}</span>,
            children: (
              <Flex vertical gap={8}>
                {group.step === 'readback' && (
                  <div data-testid="readback-summary">
                    <Typography.Text type="secondary">表单摘要</Typography.Text>
                    <Typography.Paragraph
                      copyable={{ text: summary, tooltips: ['复制', '已复制'] }}
                      style={{ marginBottom: 0 }}
                    >
                      {summary}
                    </Typography.Paragraph>
                  </div>
                )}
                {group.items.map((phrase) => (
                  <PhraseItem key={phrase.id} phrase={phrase} values={values} />
                ))}
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}
