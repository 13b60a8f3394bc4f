import { useCallback, useEffect, useRef, useState } from 'react';

export interface ResourceState<T> {
  data: T | null;
  loading: boolean;
  error: unknown;
  /** Fetches it again. */
  reload: () => Promise<void>;
  /** Takes a fresh copy the caller already holds (e.g. the detail an action returned). */
  replace: (data: T) => void;
  /** Changes the held copy in place. */
  update: (change: (data: T | null) => T | null) => void;
}

/**
 * One resource fetched by key (an order, an article…): loaded when the key changes (a stale answer
 * for an old key is dropped), reloadable, and replaceable by what an action returned.
 */
export function useResource<T>(key: string, fetch: (key: string) => Promise<T>): ResourceState<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  const load = useCallback(
    async (isCancelled: () => boolean = () => false) => {
      setLoading(true);
      setError(null);
      try {
        const value = await fetchRef.current(key);
        if (!isCancelled()) setData(value);
      } catch (err) {
        if (!isCancelled()) setError(err);
      } finally {
        if (!isCancelled()) setLoading(false);
      }
    },
    [key],
  );

  useEffect(() => {
    let cancelled = false;
    setData(null);
    void load(() => cancelled);
    return () => {
      cancelled = true;
    };
  }, [load]);

  const reload = useCallback(() => load(), [load]);
  const replace = useCallback((value: T) => {
    setData(value);
    setError(null);
  }, []);
  const update = useCallback((change: (value: T | null) => T | null) => setData(change), []);
  return { data, loading, error, reload, replace, update };
}
