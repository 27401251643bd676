import { useState } from 'react';
import { getMe } from '../api/endpoints';
import { getToken } from '../api/session';
import { useAsync } from './useAsync';
import { useReloadOnShow } from './useReloadOnShow';

/**
 * The tab pages' view of the user: whether a token is held, and GET /v1/me while it is. Coming
 * back to the page notices a sign-in or sign-out elsewhere, or refreshes the profile.
 */
export function useSignedInMe() {
  const [signedIn, setSignedIn] = useState(() => !!getToken());
  const me = useAsync(() => getMe({ silent: true }), [signedIn], signedIn);
  useReloadOnShow(
    () => {
      const now = !!getToken();
      if (now !== signedIn) setSignedIn(now);
      else if (now) void me.reload();
    },
    { pullDown: false },
  );
  return { signedIn, setSignedIn, me };
}
