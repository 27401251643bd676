/**
 * The request workflow as data: every allowed move, from which states, by whom. Any other move is
 * refused with 409 (INVALID_TRANSITION). `to: 'same'` keeps the status (escalate).
 */
import type { RequestStatus } from '@gridlink/shared/requests';
import type { Role } from '@gridlink/shared/roles';
import { next, type TransitionTable } from '../workflow';

export type RequestMove =
  | 'accept'
  | 'reject'
  | 'dispatch'
  | 'resolve'
  | 'escalate'
  | 'rate'
  | 'callbackConfirm'
  | 'reopen'
  | 'autoClose'
  | 'autoEscalate'
  | 'markOverdue';

/** who may make a move: a role, 'owner' (the reporter) or 'system' (scheduled work) */
type By = Role | 'owner' | 'system';

const STAFF: Role[] = ['grid_worker', 'grid_leader', 'community_admin', 'street_admin', 'district_admin'];
const DISPATCHERS: Role[] = ['grid_leader', 'community_admin', 'street_admin', 'district_admin'];

export const REQUEST_TRANSITIONS: TransitionTable<RequestMove, RequestStatus, By> = {
  accept: { from: ['submitted'], to: 'accepted', by: STAFF, label: '受理' },
  reject: { from: ['submitted'], to: 'rejected', by: STAFF, noteRequired: true, label: '不予受理' },
  dispatch: { from: ['accepted'], to: 'dispatched', by: DISPATCHERS, label: '转办职能部门' },
  resolve: { from: ['accepted', 'dispatched'], to: 'resolved', by: [...STAFF, 'department'], label: '办结' },
  escalate: { from: ['submitted', 'accepted'], to: 'same', by: STAFF, label: '上报上级' },
  rate: { from: ['resolved'], to: 'closed', by: ['owner'], label: '评价' },
  callbackConfirm: {
    from: ['closed'],
    to: 'same',
    by: ['community_admin', 'grid_leader', 'street_admin', 'district_admin'],
    label: '回访确认',
  },
  reopen: {
    from: ['closed'],
    to: 'accepted',
    by: ['community_admin', 'grid_leader', 'street_admin', 'district_admin'],
    label: '回访后重新办理',
  },
  autoClose: { from: ['resolved'], to: 'closed', by: ['system'], label: '超时未评价自动结案' },
  autoEscalate: { from: ['submitted', 'accepted'], to: 'same', by: ['system'], label: '超时自动上报' },
  markOverdue: { from: ['submitted', 'accepted', 'dispatched'], to: 'same', by: ['system'], label: '已超期' },
};

export const nextStatus = (move: RequestMove, from: RequestStatus) => next(REQUEST_TRANSITIONS, move, from);
