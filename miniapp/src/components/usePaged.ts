import { useCallback, useEffect, useRef, useState } from 'react';
import { useReloadOnShow } from './useReloadOnShow';
import { useSignedIn } from './useViewer';

export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Paged<T> {
  items: T[];
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: Error | null;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/**
 * A cursor-paged list (`{items, nextCursor}`): loads the first page now and whenever `deps`
 * change (a filter tab), more on `loadMore`. Answers to an older filter are dropped.
 */
export function usePaged<T>(
  load: (cursor: string | null) => Promise<PageOf<T>>,
  deps: unknown[] = [],
  enabled = true,
): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(enabled);
  // turned on (the role is known now): loading from this render on, not one render later
  const [wasEnabled, setWasEnabled] = useState(enabled);
  if (enabled !== wasEnabled) {
    setWasEnabled(enabled);
    if (enabled) setLoading(true);
  }
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const seq = useRef(0);

  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fetchPage = useCallback(load, deps);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchPage(null);
      if (mine !== seq.current) return;
      setItems(page.items);
      setCursor(page.nextCursor);
    } catch (e) {
      if (mine === seq.current) {
        setItems([]);
        setCursor(null);
        setError(e as Error);
      }
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [fetchPage]);

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore) return;
    const mine = seq.current;
    setLoadingMore(true);
    try {
      const page = await fetchPage(cursor);
      if (mine !== seq.current) return;
      setItems((prev) => [...prev, ...page.items]);
      setCursor(page.nextCursor);
    } catch {
      // the request layer has shown a toast; the button stays for another try
    } finally {
      setLoadingMore(false);
    }
  }, [fetchPage, cursor, loadingMore]);

  useEffect(() => {
    if (enabled) void reload();
    else setLoading(false);
  }, [reload, enabled]);

  return { items, hasMore: !!cursor, loading, loadingMore, error, reload, loadMore };
}

/**
 * A list of the signed-in user's own things: sends a signed-out visitor to sign in, reloads when
 * the page shows again (back from a detail where statuses moved) and on pull-down.
 */
export function useSignedInPaged<T>(
  load: (cursor: string | null) => Promise<PageOf<T>>,
  deps: unknown[] = [],
  /** false: do not reload when the page shows again (a form is open) */
  reloadOnShow = true,
): Paged<T> {
  const signedIn = useSignedIn();
  const list = usePaged(load, deps, signedIn);
  useReloadOnShow(list.reload, { when: signedIn && reloadOnShow });
  return list;
}
