import { useCallback, useEffect, useRef, useState } from 'react';
import type { Grid } from '@gridlink/shared/grid';
import { getGridChildren } from '../api/endpoints';

/** The children of one grid, page by page (`nextCursor`). */
export function useGridChildren(parentId: string | undefined) {
  const [items, setItems] = useState<Grid[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(!!parentId);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const current = useRef(parentId);

  const reload = useCallback(async () => {
    current.current = parentId;
    setItems([]);
    setCursor(null);
    setError(null);
    if (!parentId) return;
    setLoading(true);
    try {
      const page = await getGridChildren(parentId);
      if (current.current !== parentId) return;
      setItems(page.items);
      setCursor(page.nextCursor);
    } catch (e) {
      if (current.current === parentId) setError(e as Error);
    } finally {
      if (current.current === parentId) setLoading(false);
    }
  }, [parentId]);

  const loadMore = useCallback(async () => {
    if (!parentId || !cursor || loadingMore) return;
    setLoadingMore(true);
    try {
      const page = await getGridChildren(parentId, cursor);
      if (current.current !== parentId) return;
      setItems((prev) => [...prev, ...page.items]);
      setCursor(page.nextCursor);
    } catch {
      // the client has shown a toast; the button stays for another try
    } finally {
      setLoadingMore(false);
    }
  }, [parentId, cursor, loadingMore]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { items, hasMore: !!cursor, loading, loadingMore, error, reload, loadMore };
}
