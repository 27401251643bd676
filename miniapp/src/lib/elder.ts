/**
 * 长辈版 (elder mode): larger type (≥ 1.25×), line-height ≥ 1.5, more spacing, fewer items per
 * row, darker text. A switch on 我的 and on 办事 turns it on; it is remembered per user in storage
 * (`gridlink.elder.<userId>`, `guest` when signed out) and every page on screen follows at once.
 *
 * To adopt it on a page (any package; this module is tiny and zod-free):
 *
 *   import { useElderMode } from '../../lib/elder';   // path from your page
 *   const { elderClass } = useElderMode();
 *   return <View className={`page your-page ${elderClass}`}>…</View>;
 *
 * The root gets the class `elder` (ELDER_CLASS). elder.css then already
 *   - raises the inherited font size (28 → 36) and line-height (1.6), darkens text,
 *   - scales NutUI (Cell, Button, Input…) through its CSS variables,
 *   - enlarges the shared classes: .section__title, .muted, .actions, StateView.
 * Text with its own font-size class needs its own rule, in the page's CSS:
 *   .elder .your-title { font-size: 46px; }        (≥ 1.25× the normal size)
 *   .elder .your-grid-item { width: 100%; }        (fewer per row)
 * Never use colour as the only signal (status tags carry text).
 * `useElderMode()` also gives `elder` (boolean), `setElder(on)` and `toggle()`.
 */
import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { currentUserId } from './user';
import './elder.css';

export const ELDER_CLASS = 'elder';

const keyOf = (userId: string) => `gridlink.elder.${userId || 'guest'}`;
const listeners = new Set<(on: boolean) => void>();

/** Is elder mode on for this user (default: whoever is signed in)? */
export function isElderMode(userId: string = currentUserId()): boolean {
  const v = Taro.getStorageSync(keyOf(userId)) as unknown;
  return v === true || v === 'true' || v === 1;
}

/** Turns elder mode on or off for this user; pages on screen follow. */
export function setElderMode(on: boolean, userId: string = currentUserId()): void {
  Taro.setStorageSync(keyOf(userId), on);
  for (const l of [...listeners]) l(on);
}

export function useElderMode() {
  const [elder, setState] = useState(() => isElderMode());
  useEffect(() => {
    const l = (on: boolean) => setState(on);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  // another user may have signed in while this page was hidden
  useDidShow(() => setState(isElderMode()));
  const setElder = useCallback((on: boolean) => setElderMode(on), []);
  const toggle = useCallback(() => setElderMode(!isElderMode()), []);
  return { elder, setElder, toggle, elderClass: elder ? ELDER_CLASS : '' };
}
