/**
 * 红色代办: a task asked for with consent, claimed by one agent, done, confirmed, rated; agents
 * apply and the community approves; family links are asked for and confirmed by grid staff.
 * 'agent' = any agent of the community; 'assignee' = the agent who won the claim; 'side' = the
 * requester, the recipient, a confirmed family member or grid staff in scope.
 */
import { PROXY_STATUSES, PROXY_STATUS_NAMES, type ProxyStatus, type Role } from '../names';
import { defineWorkflow } from '../workflow';
import { AGENT_APPROVERS, CARE_STAFF } from './roles';

export type ProxyBy = 'agent' | 'assignee' | 'side';

export const PROXY_WORKFLOW = defineWorkflow({
  name: 'proxy',
  states: PROXY_STATUSES,
  open: ['open', 'claimed', 'in_progress', 'done'],
  stateNames: PROXY_STATUS_NAMES,
  moves: {
    create: { from: [], to: 'open', by: ['side'], label: '申请代办' },
    claim: { from: ['open'], to: 'claimed', by: ['agent'], label: '认领', firstWins: '任务已被其他代办员认领' },
    start: { from: ['claimed'], to: 'in_progress', by: ['assignee'], label: '开始办理' },
    complete: { from: ['in_progress'], to: 'done', by: ['assignee'], label: '办理完成' },
    confirm: { from: ['done'], to: 'confirmed', by: ['side'], label: '确认办结' },
    cancel: { from: ['open', 'claimed'], to: 'cancelled', by: ['side'], label: '取消' },
    rate: { from: ['confirmed'], to: 'same', by: ['side'], label: '评价' },
  },
});

/** The window in which the assigned agent sees the recipient's personal data unmasked. */
export const ACCESS_WINDOW: readonly ProxyStatus[] = ['claimed', 'in_progress', 'done'];

export const AGENT_APPLICATION_WORKFLOW = defineWorkflow({
  name: 'agent',
  states: ['pending', 'approved', 'rejected'] as const,
  open: ['pending'],
  stateNames: { pending: '待审核', approved: '已通过', rejected: '未通过' },
  moves: {
    apply: { from: [], to: 'pending', by: ['resident'] as Role[], label: '申请成为红色代办员' },
    approve: { from: ['pending'], to: 'approved', by: AGENT_APPROVERS, label: '审批通过' },
  },
});

export const FAMILY_LINK_WORKFLOW = defineWorkflow({
  name: 'family',
  states: ['pending', 'confirmed', 'rejected'] as const,
  open: ['pending'],
  stateNames: { pending: '待确认', confirmed: '已确认', rejected: '未确认' },
  moves: {
    request: { from: [], to: 'pending', by: ['resident', 'agent'] as Role[], label: '申请家属关联' },
    confirm: { from: ['pending'], to: 'confirmed', by: CARE_STAFF, label: '确认家属关系' },
  },
});
