import { useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { getMe } from '../api/endpoints';
import { getToken } from '../api/session';
import { useAsync } from './useAsync';

/**
 * The tab pages' view of the user: whether a token is held, and GET /v1/me while it is. Coming
 * back to the page (useDidShow) notices a sign-in or sign-out elsewhere, or refreshes the profile.
 */
export function useSignedInMe() {
  const [signedIn, setSignedIn] = useState(() => !!getToken());
  const me = useAsync(() => getMe({ silent: true }), [signedIn], signedIn);
  const firstShow = useRef(true);
  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false;
      return;
    }
    const now = !!getToken();
    if (now !== signedIn) setSignedIn(now);
    else if (now) void me.reload();
  });
  return { signedIn, setSignedIn, me };
}
