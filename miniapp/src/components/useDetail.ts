import { useState } from 'react';
import { useAsync } from './useAsync';
import { useReloadOnShow } from './useReloadOnShow';

interface Options {
  /** false until it may be read (signed in) */
  enabled?: boolean;
  /** read again when the page shows again (false: while a form is open) */
  reloadOnShow?: boolean;
  /** read again on pull-down */
  pullDown?: boolean;
}

/**
 * One item read by id (a request, a task, an application): loaded once it may be, again when the
 * page shows again and on pull-down. `show` puts a move's answer on the page at once (the answer
 * carries no timeline: give it the one read) until the item has been read again.
 */
export function useDetail<T>(id: string, load: (id: string) => Promise<T>, opts: Options = {}) {
  const { enabled = true, reloadOnShow = true, pullDown = true } = opts;
  const item = useAsync(() => load(id), [id], enabled && !!id);
  const [answer, setAnswer] = useState<T>();
  const reload = () => {
    setAnswer(undefined);
    return item.reload();
  };
  useReloadOnShow(reload, { when: reloadOnShow && enabled && !!id, pullDown });
  const show = (next?: T) => {
    if (next) setAnswer(next);
    void item.reload().then(() => setAnswer(undefined));
  };
  const data = answer ?? item.data;
  return { data, loading: item.loading && !data, error: data ? null : item.error, reload, show };
}
