import { getApplication, getService } from '../../api/applications';
import { useAsync } from '../useAsync';
import { useDetail } from '../useDetail';

/** An application (办件) by id, and its service's form fields once the service is known. */
export function useApplication(id: string, opts: { reloadOnShow?: boolean } = {}) {
  const app = useDetail(id, (x) => getApplication(x, { silent: true }), { ...opts, pullDown: opts.reloadOnShow });
  const code = app.data?.serviceCode;
  const service = useAsync(() => getService(code as string, { silent: true }), [code], !!code);
  return { app, service };
}
