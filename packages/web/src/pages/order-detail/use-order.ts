import type { OrderDetail } from '../../api/types';
import { getOrder } from '../../api/work-orders';
import { useResource } from '../../lib/use-resource';

export interface OrderState {
  order: OrderDetail | null;
  loading: boolean;
  error: unknown;
  reload: () => Promise<void>;
  replace: (order: OrderDetail) => void;
}

/** Loads one order; `replace` takes the detail a transition returned, `reload` fetches it again. */
export function useOrder(id: string): OrderState {
  const { data, loading, error, reload, replace } = useResource(id, getOrder);
  return { order: data, loading, error, reload, replace };
}
