import { useEffect, useMemo, useState } from 'react';
import { fetchUnits } from '../api/units';
import type { Unit } from '../api/types';
import { buildUnitTree, type UnitTreeNode } from './unit-tree';

let cached: Promise<Unit[]> | null = null;

function loadUnits(): Promise<Unit[]> {
  if (!cached) {
    cached = fetchUnits().catch((error: unknown) => {
      cached = null;
      throw error;
    });
  }
  return cached;
}

export interface UnitsState {
  units: Unit[];
  tree: UnitTreeNode[];
  /** Units an order can be dispatched to: every unit but the hotline centre itself. */
  handlingTree: UnitTreeNode[];
  nameOf: (id: string | null | undefined) => string | undefined;
  loading: boolean;
  error: unknown;
}

/** Units (GET /api/units), fetched once per page load and shared by every caller. */
export function useUnits(): UnitsState {
  const [units, setUnits] = useState<Unit[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let cancelled = false;
    loadUnits()
      .then((items) => !cancelled && setUnits(items))
      .catch((err: unknown) => !cancelled && setError(err))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, []);

  return useMemo(() => {
    const names = new Map(units.map((unit) => [unit.id, unit.name]));
    return {
      units,
      tree: buildUnitTree(units),
      handlingTree: buildUnitTree(units.filter((unit) => unit.kind !== 'centre')),
      nameOf: (id) => (id ? names.get(id) : undefined),
      loading,
      error,
    };
  }, [units, loading, error]);
}
