/**
 * Reference data cached per warm container for a short time (grid nodes, the service catalogue):
 * they change rarely (an import or a deploy), are read by nearly every write, and a reader that
 * is a few seconds late routes or labels one request the old way at worst, never loses data.
 * Entries are keyed per table (tests run several tables in one process) and never cache absence,
 * so a node or service that appears is seen at once.
 */
import { table } from './client';

export interface TtlCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  clear(): void;
  /** drop one entry (this container wrote it: read it fresh next time) */
  forget(key: string): void;
}

export function ttlCache<V>(ttlMs: number, maxEntries = 20_000): TtlCache<V> {
  const entries = new Map<string, { until: number; value: V }>();
  const k = (key: string) => `${table()}\u0000${key}`;
  return {
    get(key) {
      const e = entries.get(k(key));
      if (!e) return undefined;
      if (e.until < Date.now()) {
        entries.delete(k(key));
        return undefined;
      }
      return e.value;
    },
    set(key, value) {
      if (entries.size >= maxEntries) entries.clear(); // bounded: a container never grows without limit
      entries.set(k(key), { until: Date.now() + ttlMs, value });
    },
    clear: () => entries.clear(),
    forget: (key) => void entries.delete(k(key)),
  };
}
