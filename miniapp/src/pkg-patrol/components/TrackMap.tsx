/**
 * A patrol's track as a schematic: the polyline of its points and the key points with their radius,
 * drawn as an SVG picture (no map tiles: works offline, in both builds).
 */
import { Image } from '@tarojs/components';
import type { KeyPoint } from '../api';

const W = 600;
const H = 600;
const PAD = 40;

export function trackSvg(points: { lat: number; lng: number }[], keyPoints: KeyPoint[]) {
  const all = [...points, ...keyPoints];
  if (!all.length) return '';
  const lats = all.map((p) => p.lat);
  const lngs = all.map((p) => p.lng);
  const [minLat, maxLat, minLng, maxLng] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)];
  const k = Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180)); // metres per degree of longitude shrink
  const span = Math.max(maxLat - minLat || 1e-4, (maxLng - minLng || 1e-4) * k);
  const s = (W - 2 * PAD) / span;
  const x = (lng: number) => PAD + (lng - minLng) * k * s;
  const y = (lat: number) => H - PAD - (lat - minLat) * s;
  const line = points.map((p) => `${x(p.lng).toFixed(1)},${y(p.lat).toFixed(1)}`).join(' ');
  const m = s / 111_000; // pixels per metre
  const kps = keyPoints
    .map(
      (p) =>
        `<circle cx="${x(p.lng).toFixed(1)}" cy="${y(p.lat).toFixed(1)}" r="${Math.max(6, p.radiusM * m).toFixed(1)}" fill="rgba(200,22,29,0.12)" stroke="#c8161d"/>` +
        `<circle cx="${x(p.lng).toFixed(1)}" cy="${y(p.lat).toFixed(1)}" r="5" fill="#c8161d"/>`,
    )
    .join('');
  const first = points[0];
  const last = points[points.length - 1];
  const ends = first
    ? `<circle cx="${x(first.lng).toFixed(1)}" cy="${y(first.lat).toFixed(1)}" r="8" fill="#2e7d32"/><circle cx="${x(last.lng).toFixed(1)}" cy="${y(last.lat).toFixed(1)}" r="8" fill="#1565c0"/>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="#f8f8f8"/>${kps}<polyline points="${line}" fill="none" stroke="#333" stroke-width="3"/>${ends}</svg>`;
}

export default function TrackMap({
  points,
  keyPoints,
}: {
  points: { lat: number; lng: number }[];
  keyPoints: KeyPoint[];
}) {
  const svg = trackSvg(points, keyPoints);
  if (!svg) return null;
  return (
    <Image
      className="ptrack"
      mode="aspectFit"
      data-testid="track-map"
      data-points={points.length}
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
    />
  );
}
