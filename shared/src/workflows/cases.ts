/**
 * 矛盾纠纷 (mediation) and 信访 (petitions handled in the grid). 'petitioner' = the petitioner;
 * 'proxy' = whoever acts for them with consent; 'system' = scheduled work.
 */
import { DISPUTE_STATUSES, DISPUTE_STATUS_NAMES, PETITION_STATUSES, PETITION_STATUS_NAMES, type Role } from '../names';
import { defineWorkflow } from '../workflow';
import { LEADERS, STAFF } from './roles';

export type CaseBy = Role | 'petitioner' | 'proxy' | 'system';

export const DISPUTE_WORKFLOW = defineWorkflow({
  name: 'dispute',
  states: DISPUTE_STATUSES,
  open: ['registered', 'mediating'],
  stateNames: DISPUTE_STATUS_NAMES,
  moves: {
    register: { from: [], to: 'registered', by: STAFF as CaseBy[], label: '登记' },
    session: { from: ['registered', 'mediating'], to: 'mediating', by: STAFF, label: '调解' },
    escalate: { from: ['registered', 'mediating'], to: 'same', by: STAFF, label: '提交上级调解' },
    agree: { from: ['mediating'], to: 'agreed', by: STAFF, label: '达成调解协议' },
    fail: { from: ['mediating'], to: 'failed', by: STAFF, noteRequired: true, label: '调解未成，引导分流' },
    close: { from: ['agreed', 'failed'], to: 'closed', by: STAFF, noteRequired: true, label: '回访结案' },
  },
});

export const PETITION_WORKFLOW = defineWorkflow({
  name: 'petition',
  states: PETITION_STATUSES,
  open: ['registered', 'handling'],
  stateNames: PETITION_STATUS_NAMES,
  moves: {
    register: { from: [], to: 'registered', by: [...STAFF, 'agent'] as CaseBy[], label: '登记' },
    accept: { from: ['registered'], to: 'handling', by: STAFF, label: '受理' },
    progress: { from: ['handling'], to: 'same', by: STAFF, noteRequired: true, label: '办理记录' },
    escalate: { from: ['registered', 'handling'], to: 'same', by: STAFF, label: '上报上一级' },
    reply: { from: ['handling'], to: 'replied', by: STAFF, noteRequired: true, label: '答复信访人' },
    flagKey: { from: ['registered', 'handling', 'replied'], to: 'same', by: LEADERS, label: '列为重点（包案）' },
    rate: { from: ['replied'], to: 'closed', by: ['petitioner', 'proxy', ...STAFF], label: '满意度评价' },
    autoEscalate: { from: ['registered', 'handling'], to: 'same', by: ['system'], label: '超期自动上报' },
    markOverdue: { from: ['registered', 'handling'], to: 'same', by: ['system'], label: '已超期' },
  },
});
