/**
 * The grid worker's day (issue 14): 巡查 (patrol), 请假 (leave) and 点调 (point-call).
 * 'owner' = the worker whose patrol / leave / call it is; 'system' = scheduled work.
 */
import type { Role } from '../names';
import { defineWorkflow } from '../workflow';
import { LEADERS, STAFF } from './roles';

export type PatrolBy = Role | 'owner' | 'system';

export const PATROL_WORKFLOW = defineWorkflow({
  name: 'patrol',
  states: ['active', 'finished', 'closed'] as const,
  open: ['active'],
  stateNames: { active: '巡查中', finished: '已结束', closed: '超时自动结束' },
  moves: {
    start: { from: [], to: 'active', by: ['grid_worker', 'grid_leader'] as PatrolBy[], label: '开始巡查' },
    stop: { from: ['active'], to: 'finished', by: ['owner'], label: '结束巡查' },
    /** points recorded offline may arrive after the patrol ended: kept, never lost */
    upload: { from: ['active', 'finished', 'closed'], to: 'same', by: ['owner'], label: '上传轨迹' },
    checkin: { from: ['active'], to: 'same', by: ['owner'], label: '点位签到' },
    event: { from: ['active'], to: 'same', by: ['owner'], label: '巡查上报' },
    /** a patrol left running overnight: closed by the sweep and flagged */
    autoClose: { from: ['active'], to: 'closed', by: ['system'], label: '隔夜未结束，系统关闭' },
  },
});

export const LEAVE_WORKFLOW = defineWorkflow({
  name: 'leave',
  states: ['pending', 'approved', 'refused', 'cancelled'] as const,
  open: ['pending'],
  stateNames: { pending: '待审批', approved: '已批准', refused: '未批准', cancelled: '已撤回' },
  moves: {
    apply: { from: [], to: 'pending', by: STAFF as PatrolBy[], label: '请假' },
    approve: { from: ['pending'], to: 'approved', by: ['community_admin', 'grid_leader'], label: '批准请假' },
    refuse: {
      from: ['pending'],
      to: 'refused',
      by: ['community_admin', 'grid_leader'],
      noteRequired: true,
      label: '不批准',
    },
    cancel: { from: ['pending'], to: 'cancelled', by: ['owner'], label: '撤回' },
  },
});

export const POINTCALL_WORKFLOW = defineWorkflow({
  name: 'pointcall',
  states: ['calling', 'answered', 'missed'] as const,
  open: ['calling'],
  stateNames: { calling: '待应答', answered: '已应答', missed: '未应答' },
  moves: {
    call: { from: [], to: 'calling', by: LEADERS as PatrolBy[], label: '点调' },
    answer: { from: ['calling'], to: 'answered', by: ['owner'], label: '应答点调' },
    expire: { from: ['calling'], to: 'missed', by: ['system'], label: '超时未应答' },
  },
});
