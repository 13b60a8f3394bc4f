import {
  DEFAULT_MACHINE_CONFIG,
  EVENT_DEFINITIONS,
  type FieldSpec,
  type FieldSpecs,
  isEventName,
} from '@huawu/domain';
import { formatTime, yesNo } from '../../lib/format';

export interface PayloadLine {
  key: string;
  label: string;
  value: string;
}

/** Payload keys that are not action inputs but worth showing when the server records them. */
const EXTRA_LABELS: Record<string, { label: string; time?: boolean }> = {
  deadlineAt: { label: '办理时限', time: true },
  newDeadlineAt: { label: '新办理时限', time: true },
  leadUnitName: { label: '主办单位' },
  coUnitNames: { label: '协办单位' },
  targetOrderNo: { label: '并入工单' },
  articleTitle: { label: '知识库文章' },
};

function specsOf(event: string): FieldSpecs {
  if (!isEventName(event)) return {};
  const input = EVENT_DEFINITIONS[event].input;
  return typeof input === 'function' ? input(DEFAULT_MACHINE_CONFIG) : input;
}

function formatValue(
  spec: FieldSpec | undefined,
  value: unknown,
  unitName: (id: string) => string | undefined,
) {
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (spec?.kind === 'units') return unitName(String(item)) ?? String(item);
        if (spec?.kind === 'checks') return spec.options.labels[String(item)] ?? String(item);
        return String(item);
      })
      .join('、');
  }
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  const text = String(value);
  if (spec?.kind === 'enum') return spec.options.labels[text] ?? text;
  if (spec?.kind === 'unit') return unitName(text) ?? text;
  return text;
}

/**
 * Readable lines for a timeline entry's payload: labels come from the event's input specs (so a
 * 派单 entry shows 主办单位 with the unit's name); `comment` is left out because it is shown apart.
 */
export function payloadLines(
  event: string,
  payload: Record<string, unknown> | null,
  unitName: (id: string) => string | undefined,
): PayloadLine[] {
  if (!payload || typeof payload !== 'object') return [];
  const specs = specsOf(event);
  const lines: PayloadLine[] = [];
  for (const [key, value] of Object.entries(payload)) {
    if (key === 'comment' || value === null || value === undefined || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    const spec = specs[key];
    const extra = EXTRA_LABELS[key];
    if (spec) lines.push({ key, label: spec.label, value: formatValue(spec, value, unitName) });
    else if (extra) {
      const text =
        extra.time && typeof value === 'string' ? formatTime(value) : formatValue(undefined, value, unitName);
      lines.push({ key, label: extra.label, value: text });
    }
  }
  return lines;
}
