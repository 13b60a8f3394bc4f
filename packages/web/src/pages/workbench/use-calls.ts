import { useCallback, useMemo, useRef, useState } from 'react';
import type { CallView } from '../../api/cti';
import { mergeCall, pickCurrent } from './call-state';

/**
 * The agent's calls as the CTI reports them. `onPop` runs once per call that is ringing or answered
 * (the screen pop); ended calls only update the call bar.
 */
export function useCalls(onPop: (call: CallView) => void) {
  const [calls, setCalls] = useState<Record<string, CallView>>({});
  const popped = useRef(new Set<string>());
  const onPopRef = useRef(onPop);
  onPopRef.current = onPop;

  const apply = useCallback((call: CallView) => {
    if (!call || typeof call.callId !== 'string') return;
    setCalls((prev) => ({ ...prev, [call.callId]: mergeCall(prev[call.callId], call) }));
    if (call.state !== 'ended' && !popped.current.has(call.callId)) {
      popped.current.add(call.callId);
      onPopRef.current(call);
    }
  }, []);

  /**
   * A snapshot of the agent's calls (GET /api/cti/calls/current, after a reload or a reconnect): only
   * the newest call still going pops; older ones left open by the switch are just known.
   */
  const restore = useCallback((items: CallView[]) => {
    const valid = items.filter((call) => call && typeof call.callId === 'string');
    if (valid.length === 0) return;
    setCalls((prev) => {
      const next = { ...prev };
      for (const call of valid) next[call.callId] = mergeCall(next[call.callId], call);
      return next;
    });
    const newest = pickCurrent(valid);
    for (const call of valid) if (call !== newest) popped.current.add(call.callId);
    if (newest && newest.state !== 'ended' && !popped.current.has(newest.callId)) {
      popped.current.add(newest.callId);
      onPopRef.current(newest);
    }
  }, []);

  const current = useMemo(() => pickCurrent(Object.values(calls)), [calls]);
  return { current, apply, restore };
}
