import { useCallback, useEffect, useState } from 'react';
import type { OrderDetail } from '../../api/types';
import { getOrder } from '../../api/work-orders';

export interface OrderState {
  order: OrderDetail | null;
  loading: boolean;
  error: unknown;
  reload: () => Promise<void>;
  replace: (order: OrderDetail) => void;
}

/** Loads one order; `replace` takes the detail a transition returned, `reload` fetches it again. */
export function useOrder(id: string): OrderState {
  const [order, setOrder] = useState<OrderDetail | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (isCancelled: () => boolean = () => false) => {
      setLoading(true);
      setError(null);
      try {
        const detail = await getOrder(id);
        if (!isCancelled()) setOrder(detail);
      } catch (err) {
        if (!isCancelled()) setError(err);
      } finally {
        if (!isCancelled()) setLoading(false);
      }
    },
    [id],
  );

  useEffect(() => {
    let cancelled = false;
    setOrder(null);
    void load(() => cancelled);
    return () => {
      cancelled = true;
    };
  }, [load]);

  const reload = useCallback(() => load(), [load]);
  const replace = useCallback((detail: OrderDetail) => {
    setOrder(detail);
    setError(null);
  }, []);

  return { order, loading, error, reload, replace };
}
