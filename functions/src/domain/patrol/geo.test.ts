import { bucketOf, decodePts, encodePts, fenceCheck, spoofFlags, type Pt } from './geo';

const C = { lat: 42.0115, lng: 121.6608 };
const square = [
  { lat: 42.011, lng: 121.66 },
  { lat: 42.011, lng: 121.662 },
  { lat: 42.013, lng: 121.662 },
  { lat: 42.013, lng: 121.66 },
];

describe('the fence', () => {
  it('a boundary polygon wins over the radius', () => {
    expect(fenceCheck({ boundary: square, center: C, radiusM: 5000 }, { lat: 42.012, lng: 121.661 }).inFence).toBe(
      true,
    );
    expect(fenceCheck({ boundary: square, center: C, radiusM: 5000 }, { lat: 42.0105, lng: 121.661 }).inFence).toBe(
      false,
    );
  });
  it('else a radius around the centre; no coordinates: nothing to check against', () => {
    expect(fenceCheck({ center: C, radiusM: 300 }, { lat: C.lat + 0.002, lng: C.lng })).toMatchObject({
      inFence: true,
    });
    expect(fenceCheck({ center: C, radiusM: 100 }, { lat: C.lat + 0.002, lng: C.lng })).toMatchObject({
      inFence: false,
    });
    expect(fenceCheck(undefined, C)).toEqual({ known: false, inFence: true, distanceM: null });
  });
});

describe('track points', () => {
  const pts: Pt[] = Array.from({ length: 5 }, (_, i) => ({
    seq: i,
    t: 1_800_000_000 + i * 5,
    lat: C.lat + i * 1e-5,
    lng: C.lng,
  }));
  it('round-trip through the chunk text; 10-minute buckets', () => {
    expect(decodePts(encodePts(pts))).toEqual(pts);
    expect(bucketOf(1_800_000_000)).toBe(bucketOf(1_800_000_000 + 599 - (1_800_000_000 % 600)));
  });
  it('flags an impossible jump and a run of identical points, only where a fresh point is involved', () => {
    const jump = { seq: 5, t: pts[4].t + 10, lat: C.lat + 0.1, lng: C.lng };
    expect(spoofFlags([...pts, jump], new Set([5])).map((f) => f.kind)).toEqual(['speed']);
    expect(spoofFlags([...pts, jump], new Set([0]))).toEqual([]);
    const same = Array.from({ length: 10 }, (_, i) => ({
      seq: 10 + i,
      t: 1_800_001_000 + i * 5,
      lat: C.lat,
      lng: C.lng,
    }));
    expect(spoofFlags(same, new Set(same.map((p) => p.seq))).map((f) => f.kind)).toEqual(['identical']);
  });
});
