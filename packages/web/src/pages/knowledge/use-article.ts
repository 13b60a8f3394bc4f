import { useCallback, useEffect, useState } from 'react';
import { type ArticleDetail, getArticle, listVersions, type VersionSummary } from '../../api/knowledge';

export interface ArticleState {
  article: ArticleDetail | null;
  versions: VersionSummary[];
  loading: boolean;
  error: unknown;
  reload: () => Promise<void>;
  /** Takes the detail an action returned and refreshes the version list. */
  replace: (article: ArticleDetail) => void;
}

/** One article and its version history (GET /api/kb/articles/:id and …/versions). */
export function useArticle(id: string): ArticleState {
  const [article, setArticle] = useState<ArticleDetail | null>(null);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (isCancelled: () => boolean = () => false) => {
      setLoading(true);
      setError(null);
      try {
        const [detail, history] = await Promise.all([getArticle(id), listVersions(id)]);
        if (isCancelled()) return;
        setArticle(detail);
        setVersions(history.items);
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
    setArticle(null);
    void load(() => cancelled);
    return () => {
      cancelled = true;
    };
  }, [load]);

  const reload = useCallback(() => load(), [load]);
  const replace = useCallback((detail: ArticleDetail) => {
    setArticle(detail);
    listVersions(detail.id)
      .then((history) => setVersions(history.items))
      .catch((err: unknown) => setError(err));
  }, []);
  return { article, versions, loading, error, reload, replace };
}
