import { useEffect, useRef, useState } from 'react';
import { isAbort } from '../../api/intake';

export interface LiveQuery<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

/**
 * Runs `load` `delayMs` after `key` last changed (typing does not storm the server) and aborts the
 * request of a superseded key. `key === null` means idle: nothing is loaded and the data is cleared.
 */
export function useLiveQuery<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  delayMs = 400,
): LiveQuery<T> {
  const [state, setState] = useState<LiveQuery<T>>({ data: undefined, error: null, loading: false });
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) {
      setState({ data: undefined, error: null, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((prev) => ({ ...prev, loading: true }));
    const timer = window.setTimeout(() => {
      loadRef
        .current(controller.signal)
        .then((data) => setState({ data, error: null, loading: false }))
        .catch((error: unknown) => {
          if (!isAbort(error)) setState((prev) => ({ data: prev.data, error, loading: false }));
        });
    }, delayMs);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [key, delayMs]);

  return state;
}
