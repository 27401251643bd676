/** Role groups the workflow tables share (zod-free). */
import type { Role } from '../names';

/** grid staff who receive, handle and escalate */
export const STAFF: readonly Role[] = [
  'grid_worker',
  'grid_leader',
  'community_admin',
  'street_admin',
  'district_admin',
];
/** staff who may dispatch, call back and reopen: everyone above the grid worker */
export const LEADERS: readonly Role[] = ['grid_leader', 'community_admin', 'street_admin', 'district_admin'];
/** grid staff who register 帮扶对象, witness signatures and confirm family links */
export const CARE_STAFF: readonly Role[] = ['grid_worker', 'grid_leader', 'community_admin'];
/** who approves 红色代办员 */
export const AGENT_APPROVERS: readonly Role[] = ['community_admin', 'grid_leader'];
