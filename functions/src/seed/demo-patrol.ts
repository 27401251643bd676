/**
 * The demo grids' coordinates (issue 14): fences for the demo community and building and two key
 * points of the building, so attendance and patrol work out of the box (海州区, 阜新).
 */
import { patrolKeys } from '../data/keys';
import { DEMO_BUILDING, DEMO_COMMUNITY } from './demo-grid';

export const DEMO_CENTER = { lat: 42.0115, lng: 121.6608 };
export const DEMO_KEY_POINTS = [
  { id: 'kp-demo-gate', name: '小区东门', lat: 42.0118, lng: 121.6612, radiusM: 60, qrToken: 'demo-gate-qr' },
  { id: 'kp-demo-yard', name: '1号楼消防通道', lat: 42.0113, lng: 121.6603, radiusM: 60, qrToken: 'demo-yard-qr' },
];

export function demoPatrolItems(now: string): Record<string, unknown>[] {
  return [
    {
      ...patrolKeys.gridGeo(DEMO_COMMUNITY),
      type: 'gridGeo',
      gridId: DEMO_COMMUNITY,
      center: DEMO_CENTER,
      radiusM: 1500,
      updatedAt: now,
    },
    {
      ...patrolKeys.gridGeo(DEMO_BUILDING),
      type: 'gridGeo',
      gridId: DEMO_BUILDING,
      center: DEMO_CENTER,
      radiusM: 300,
      updatedAt: now,
    },
    ...DEMO_KEY_POINTS.map((p) => ({
      ...patrolKeys.keyPoint(DEMO_BUILDING, p.id),
      type: 'keyPoint',
      gridId: DEMO_BUILDING,
      ...p,
      createdAt: now,
    })),
  ];
}
