/**
 * One digest instead of a flood: a recipient with more than `above` notices within `windowMinutes`
 * (counted from the first of them) gets ONE subscribe message for that window ("您有 5 条新待办"); the
 * in-app 消息 are written one by one whatever happens here. Pure: the notifier and its tests share it.
 */
export interface Pending {
  id: string;
  at: string;
}

export type Send<N extends Pending> = { kind: 'one'; notice: N } | { kind: 'digest'; notices: N[] };

export function planSends<N extends Pending>(notices: readonly N[], above: number, windowMinutes: number): Send<N>[] {
  const sorted = [...notices].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  const out: Send<N>[] = [];
  let i = 0;
  while (i < sorted.length) {
    const end = Date.parse(sorted[i].at) + windowMinutes * 60_000;
    let j = i;
    while (j < sorted.length && Date.parse(sorted[j].at) < end) j++;
    const window = sorted.slice(i, j);
    if (window.length > above) out.push({ kind: 'digest', notices: window });
    else for (const notice of window) out.push({ kind: 'one', notice });
    i = j;
  }
  return out;
}

export const digestTitle = (n: number) => `您有 ${n} 条新待办`;
