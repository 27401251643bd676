/** 便民服务办件: submitted for review (or completed online at once), approved / rejected / returned for 补正. */
import { APPLICATION_STATUSES, APPLICATION_STATUS_NAMES } from '../names';
import { defineWorkflow } from '../workflow';

/** 'office' = the community service office; 'owner' = the applicant or whoever acted for them */
export type ApplicationBy = 'office' | 'owner';

export const APPLICATION_WORKFLOW = defineWorkflow({
  name: 'application',
  states: APPLICATION_STATUSES,
  open: ['under_review', 'returned'],
  stateNames: APPLICATION_STATUS_NAMES,
  moves: {
    submit: { from: [], to: 'under_review', by: ['owner'], label: '提交申请' },
    completeDirect: { from: [], to: 'completed', by: ['owner'], label: '网上直办，即时办结' },
    approve: { from: ['under_review'], to: 'completed', by: ['office'], label: '审核通过' },
    reject: { from: ['under_review'], to: 'rejected', by: ['office'], noteRequired: true, label: '不予通过' },
    return: { from: ['under_review'], to: 'returned', by: ['office'], noteRequired: true, label: '退回补正' },
    supplement: { from: ['returned'], to: 'under_review', by: ['owner'], label: '补正材料' },
    rate: { from: ['completed'], to: 'same', by: ['owner'], label: '评价' },
  },
});
