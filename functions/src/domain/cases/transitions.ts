/**
 * The dispute and petition workflows as data: every allowed move, from which states, by whom.
 * Any other move is refused with 409 (INVALID_TRANSITION). `to: 'same'` keeps the status.
 */
import type { DisputeStatus, PetitionStatus } from '@gridlink/shared/names';
import type { Role } from '@gridlink/shared/roles';
import { next, type TransitionTable } from '../workflow';

/** who may move: a staff role, the petitioner (or whoever acts for them with consent), scheduled work */
type By = Role | 'petitioner' | 'proxy' | 'system';

export const CASE_STAFF: Role[] = ['grid_worker', 'grid_leader', 'community_admin', 'street_admin', 'district_admin'];
const LEADERS: Role[] = ['grid_leader', 'community_admin', 'street_admin', 'district_admin'];

export type DisputeMove = 'session' | 'escalate' | 'agree' | 'fail' | 'close';

export const DISPUTE_TRANSITIONS: TransitionTable<DisputeMove, DisputeStatus, By> = {
  session: { from: ['registered', 'mediating'], to: 'mediating', by: CASE_STAFF, label: '调解' },
  escalate: { from: ['registered', 'mediating'], to: 'same', by: CASE_STAFF, label: '提交上级调解' },
  agree: { from: ['mediating'], to: 'agreed', by: CASE_STAFF, label: '达成调解协议' },
  fail: { from: ['mediating'], to: 'failed', by: CASE_STAFF, noteRequired: true, label: '调解未成，引导分流' },
  close: { from: ['agreed', 'failed'], to: 'closed', by: CASE_STAFF, noteRequired: true, label: '回访结案' },
};

export type PetitionMove =
  'accept' | 'progress' | 'escalate' | 'reply' | 'flagKey' | 'rate' | 'autoEscalate' | 'markOverdue';

export const PETITION_TRANSITIONS: TransitionTable<PetitionMove, PetitionStatus, By> = {
  accept: { from: ['registered'], to: 'handling', by: CASE_STAFF, label: '受理' },
  progress: { from: ['handling'], to: 'same', by: CASE_STAFF, noteRequired: true, label: '办理记录' },
  escalate: { from: ['registered', 'handling'], to: 'same', by: CASE_STAFF, label: '上报上一级' },
  reply: { from: ['handling'], to: 'replied', by: CASE_STAFF, noteRequired: true, label: '答复信访人' },
  flagKey: { from: ['registered', 'handling', 'replied'], to: 'same', by: LEADERS, label: '列为重点（包案）' },
  rate: { from: ['replied'], to: 'closed', by: ['petitioner', 'proxy', ...CASE_STAFF], label: '满意度评价' },
  autoEscalate: { from: ['registered', 'handling'], to: 'same', by: ['system'], label: '超期自动上报' },
  markOverdue: { from: ['registered', 'handling'], to: 'same', by: ['system'], label: '已超期' },
};

export const nextDisputeStatus = (move: DisputeMove, from: DisputeStatus) => next(DISPUTE_TRANSITIONS, move, from);
export const nextPetitionStatus = (move: PetitionMove, from: PetitionStatus) => next(PETITION_TRANSITIONS, move, from);
