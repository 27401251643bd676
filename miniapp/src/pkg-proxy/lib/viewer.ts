import { useEffect } from 'react';
import { getMe } from '../../api/endpoints';
import { getToken, goLogin } from '../../api/session';
import { useAsync } from '../../components/useAsync';

/** Who is looking (GET /v1/me); sends a signed-out visitor to the sign-in page. */
export function useViewer() {
  const signedIn = !!getToken();
  useEffect(() => {
    if (!signedIn) goLogin();
  }, [signedIn]);
  const me = useAsync(() => getMe({ silent: true }), [], signedIn);
  return { ...me, signedIn };
}
