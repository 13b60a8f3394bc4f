import type { FieldSpec } from '@huawu/domain';
import { Alert, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { type DispatchSuggestion, fetchDispatchSuggestion } from '../../api/dispatch';
import { useCurrentUser } from '../../auth/auth-context';

/** Roles that may read the catalogue's suggestion (docs/DISPATCH.md). */
const READERS = new Set(['dispatcher', 'supervisor', 'admin']);

/** loading; none (no entry fits); unknown (could not ask); or the suggestion. */
export type SuggestionState = 'loading' | 'none' | 'unknown' | DispatchSuggestion;

/**
 * For a form that picks a lead unit and takes an `overrideReason` (派单 / 改派): fetches the dispatch
 * catalogue's suggestion once and pre-fills the lead and co-units unless the user already chose.
 */
export function useDispatchSuggestion(
  orderId: string,
  form: FormInstance,
  inputs: Record<string, FieldSpec>,
): SuggestionState | null {
  const { role } = useCurrentUser();
  const applies = 'leadUnitId' in inputs && 'overrideReason' in inputs;
  const [state, setState] = useState<SuggestionState>(applies && READERS.has(role) ? 'loading' : 'unknown');

  useEffect(() => {
    if (!applies || !READERS.has(role)) return;
    let cancelled = false;
    fetchDispatchSuggestion(orderId)
      .then(({ suggestion }) => {
        if (cancelled) return;
        setState(suggestion ?? 'none');
        if (!suggestion) return;
        if (!form.isFieldTouched('leadUnitId')) form.setFieldValue('leadUnitId', suggestion.leadUnitId);
        if ('coUnitIds' in inputs && !form.isFieldTouched('coUnitIds'))
          form.setFieldValue(
            'coUnitIds',
            suggestion.coUnits.map((unit) => unit.id),
          );
      })
      .catch(() => !cancelled && setState('unknown'));
    return () => {
      cancelled = true;
    };
  }, [applies, role, orderId, form, inputs]);

  return applies ? state : null;
}

/** Whether and how the 改派理由 field shows: hidden, optional (suggestion unknown) or required. */
export function overrideReasonMode(
  state: SuggestionState | null,
  chosenLead: unknown,
): 'hidden' | 'optional' | 'required' {
  if (state === null || state === 'unknown') return 'optional';
  if (state === 'loading' || state === 'none') return 'hidden';
  return chosenLead && chosenLead !== state.leadUnitId ? 'required' : 'hidden';
}

/** 「派单目录建议：XX（原因）」 above the form. */
export function DispatchSuggestionHint({ state }: { state: SuggestionState | null }) {
  if (state === null || state === 'unknown' || state === 'loading') return null;
  if (state === 'none')
    return (
      <Alert
        type="info"
        showIcon
        title="派单目录中没有适用于本工单的条目，请按职责选择主办单位。"
        style={{ marginBottom: 16 }}
        data-testid="dispatch-suggestion"
        data-suggested=""
      />
    );
  const co = state.coUnits.map((unit) => unit.name ?? unit.id).join('、');
  return (
    <Alert
      type="success"
      showIcon
      title={`派单目录建议：${state.leadUnitName ?? state.leadUnitId}（${state.reason}）`}
      description={[co ? `协办：${co}` : '', state.note ?? ''].filter(Boolean).join('；') || undefined}
      style={{ marginBottom: 16 }}
      data-testid="dispatch-suggestion"
      data-suggested={state.leadUnitId}
    />
  );
}
