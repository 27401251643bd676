/**
 * 诉求: report → 受理 / 不予受理 → (转办) → 办结 → 评价 (closed) → 回访. `owner` = the reporter;
 * `system` = scheduled work. Escalation keeps the state and moves the handling level.
 */
import { REQUEST_STATUSES, REQUEST_STATUS_NAMES, type Role } from '../names';
import { defineWorkflow } from '../workflow';
import { LEADERS, STAFF } from './roles';

export type RequestBy = Role | 'owner' | 'system';
/** 督办: street and district leaders, and the community */
const SUPERVISORS: readonly Role[] = ['community_admin', 'street_admin', 'district_admin'];

export const REQUEST_WORKFLOW = defineWorkflow({
  name: 'request',
  states: REQUEST_STATUSES,
  open: ['submitted', 'accepted', 'dispatched'],
  stateNames: REQUEST_STATUS_NAMES,
  moves: {
    submit: { from: [], to: 'submitted', by: ['resident', 'agent', ...STAFF], label: '提交诉求' },
    accept: { from: ['submitted'], to: 'accepted', by: STAFF, label: '受理' },
    reject: { from: ['submitted'], to: 'rejected', by: STAFF, noteRequired: true, label: '不予受理' },
    dispatch: { from: ['accepted'], to: 'dispatched', by: LEADERS, label: '转办职能部门' },
    resolve: { from: ['accepted', 'dispatched'], to: 'resolved', by: [...STAFF, 'department'], label: '办结' },
    escalate: { from: ['submitted', 'accepted'], to: 'same', by: STAFF, label: '上报上级' },
    rate: { from: ['resolved'], to: 'closed', by: ['owner'], label: '评价' },
    callbackConfirm: { from: ['closed'], to: 'same', by: LEADERS, label: '回访确认' },
    reopen: { from: ['closed'], to: 'accepted', by: LEADERS, label: '回访后重新办理' },
    autoClose: { from: ['resolved'], to: 'closed', by: ['system'], label: '超时未评价自动结案' },
    autoEscalate: { from: ['submitted', 'accepted'], to: 'same', by: ['system'], label: '超时自动上报' },
    markOverdue: { from: ['submitted', 'accepted', 'dispatched'], to: 'same', by: ['system'], label: '已超期' },
    // 社区吹哨、部门报到 both ways: the department signs for, returns, asks once for more time
    sign: { from: ['dispatched'], to: 'same', by: ['department'], label: '报到' },
    deptReturn: { from: ['dispatched'], to: 'accepted', by: ['department'], noteRequired: true, label: '退回' },
    requestExtension: { from: ['dispatched'], to: 'same', by: ['department'], noteRequired: true, label: '申请延期' },
    approveExtension: { from: ['dispatched'], to: 'same', by: LEADERS, label: '批准延期' },
    refuseExtension: { from: ['dispatched'], to: 'same', by: LEADERS, label: '不批准延期' },
    signOverdue: { from: ['dispatched'], to: 'same', by: ['system'], label: '部门超时未报到' },
    remindDue: { from: ['submitted', 'accepted', 'dispatched'], to: 'same', by: ['system'], label: '即将超期提醒' },
    urge: { from: ['submitted', 'accepted', 'dispatched'], to: 'same', by: SUPERVISORS, label: '督办' },
    supervise: {
      from: ['submitted', 'accepted', 'dispatched'],
      to: 'same',
      by: ['street_admin', 'district_admin'],
      label: '挂牌督办',
    },
  },
});

/**
 * 回访 after a 1–2★ rating (kind 'low'), a sampled 3★ one ('sampled') or a 5★ audit ('audit'): the
 * call closes it, confirmed or reopened; a 1–2★ one not done within 24 h escalates to the street.
 */
export const CALLBACK_WORKFLOW = defineWorkflow({
  name: 'callback',
  states: ['open', 'done'] as const,
  open: ['open'],
  stateNames: { open: '待回访', done: '已回访' },
  moves: {
    open: { from: [], to: 'open', by: ['owner'], label: '差评待回访' },
    confirmed: { from: ['open'], to: 'done', by: LEADERS, noteRequired: true, label: '回访确认' },
    reopen: { from: ['open'], to: 'done', by: LEADERS, noteRequired: true, label: '重新办理' },
    escalate: { from: ['open'], to: 'same', by: ['system'], label: '超时未回访，上报街道' },
  },
});
