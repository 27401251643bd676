import { useEffect } from 'react';
import { getMe } from '../api/endpoints';
import { getToken, goLogin } from '../api/session';
import { useAsync } from './useAsync';

/** Whether a token is held; sends a signed-out visitor to the sign-in page. */
export function useSignedIn(): boolean {
  const signedIn = !!getToken();
  useEffect(() => {
    if (!signedIn) goLogin();
  }, [signedIn]);
  return signedIn;
}

/** Who is looking (GET /v1/me, read while signed in); a signed-out visitor goes to sign in. */
export function useViewer() {
  const signedIn = useSignedIn();
  const me = useAsync(() => getMe({ silent: true }), [], signedIn);
  return { ...me, signedIn };
}
