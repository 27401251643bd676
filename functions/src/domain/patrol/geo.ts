/**
 * Location arithmetic of the worker's day: distances, the electronic fence (boundary polygon, else a
 * radius around the centre), and the spoofing signs of a track (impossible speed, identical points).
 * Pure functions: no storage.
 */
import { IDENTICAL_RUN, MAX_SPEED_KMH, type GridGeo, type LatLng, type LocationFlag } from '@gridlink/shared/patrol';

const R = 6_371_000;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres. */
export function distanceM(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Ray casting on lng/lat (grids are small: planar is exact enough). */
export function inPolygon(p: LatLng, poly: readonly LatLng[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i];
    const b = poly[j];
    if (a.lat > p.lat !== b.lat > p.lat && p.lng < ((b.lng - a.lng) * (p.lat - a.lat)) / (b.lat - a.lat) + a.lng)
      inside = !inside;
  }
  return inside;
}

export const DEFAULT_FENCE_M = 500;

/** Inside the grid's fence? `known: false` when the grid has no coordinates (nothing to check against). */
export function fenceCheck(
  geo: GridGeo | undefined,
  p: LatLng,
): { known: boolean; inFence: boolean; distanceM: number | null } {
  if (geo?.boundary && geo.boundary.length >= 3) {
    const d = geo.center ? Math.round(distanceM(geo.center, p)) : null;
    return { known: true, inFence: inPolygon(p, geo.boundary), distanceM: d };
  }
  if (geo?.center) {
    const d = Math.round(distanceM(geo.center, p));
    return { known: true, inFence: d <= (geo.radiusM ?? DEFAULT_FENCE_M), distanceM: d };
  }
  return { known: false, inFence: true, distanceM: null };
}

export interface Pt {
  seq: number;
  /** epoch seconds */
  t: number;
  lat: number;
  lng: number;
  acc?: number;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** One point per line: `seq,epochSec,lat,lng[,acc]` (~35 bytes a point). */
export const encodePts = (pts: readonly Pt[]) =>
  pts
    .map((p) =>
      [p.seq, p.t, round6(p.lat), round6(p.lng), ...(p.acc !== undefined ? [Math.round(p.acc)] : [])].join(','),
    )
    .join('\n');

export const decodePts = (s: string | undefined): Pt[] =>
  (s ?? '')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [seq, t, lat, lng, acc] = line.split(',').map(Number);
      return { seq, t, lat, lng, ...(acc !== undefined && !Number.isNaN(acc) ? { acc } : {}) };
    });

/** The 10-minute bucket a point belongs to: its chunk's sort key. */
export const bucketOf = (t: number) => new Date(Math.floor(t / 600) * 600_000).toISOString().slice(0, 16);

export const sortPts = (pts: Pt[]) => pts.sort((a, b) => a.t - b.t || a.seq - b.seq);

/**
 * Spoofing signs among `sorted` (a time-ordered run of points) that involve a point of `fresh`
 * (just added): a jump faster than MAX_SPEED_KMH from its neighbour, or the IDENTICAL_RUN-th identical
 * point in a row. Flagged, never dropped.
 */
export function spoofFlags(sorted: readonly Pt[], fresh: ReadonlySet<number>): LocationFlag[] {
  const flags: LocationFlag[] = [];
  let run = 1;
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    const same = a.lat === b.lat && a.lng === b.lng;
    run = same ? run + 1 : 1;
    if (!fresh.has(a.seq) && !fresh.has(b.seq)) continue;
    const at = new Date(b.t * 1000).toISOString();
    if (same) {
      if (run === IDENTICAL_RUN) flags.push({ kind: 'identical', at, seq: b.seq, detail: `连续${run}个相同位置` });
      continue;
    }
    const d = distanceM(a, b);
    const dt = Math.max(b.t - a.t, 1);
    const kmh = (d / dt) * 3.6;
    if (kmh > MAX_SPEED_KMH && d > 100)
      flags.push({
        kind: 'speed',
        at,
        seq: b.seq,
        detail: `${Math.round(kmh)} km/h（${Math.round(d)} 米 / ${dt} 秒）`,
      });
  }
  return flags;
}
