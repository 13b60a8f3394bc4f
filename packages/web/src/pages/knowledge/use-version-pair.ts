import { useCallback } from 'react';
import { getVersion, type VersionDetail } from '../../api/knowledge';
import { useAsync } from '../../lib/use-async';

export interface VersionPair {
  version: VersionDetail;
  /** The published version to compare with; null when nothing is published or it is this version. */
  published: VersionDetail | null;
}

/** Loads one version and the published one (GET …/versions/:v) for a read-only view and a diff. */
export function useVersionPair(articleId: string, version: number, publishedVersion: number | null) {
  return useAsync(
    useCallback(async (): Promise<VersionPair> => {
      const other = publishedVersion !== null && publishedVersion !== version ? publishedVersion : null;
      const [detail, published] = await Promise.all([
        getVersion(articleId, version),
        other === null ? Promise.resolve(null) : getVersion(articleId, other),
      ]);
      return { version: detail, published };
    }, [articleId, version, publishedVersion]),
  );
}
