import type { ApplicationStatus } from '@gridlink/shared/applications';
import { next, type TransitionTable } from '../workflow';

export type ApplicationMove = 'approve' | 'reject' | 'return' | 'supplement';

/** 'office' = the community service office; 'owner' = the applicant or whoever acted for them */
export const APPLICATION_TRANSITIONS: TransitionTable<ApplicationMove, ApplicationStatus, 'office' | 'owner'> = {
  approve: { from: ['under_review'], to: 'completed', by: ['office'], label: '审核通过' },
  reject: { from: ['under_review'], to: 'rejected', by: ['office'], noteRequired: true, label: '不予通过' },
  return: { from: ['under_review'], to: 'returned', by: ['office'], noteRequired: true, label: '退回补正' },
  supplement: { from: ['returned'], to: 'under_review', by: ['owner'], label: '补正材料' },
};

export const nextApplicationStatus = (move: ApplicationMove, from: ApplicationStatus) =>
  next(APPLICATION_TRANSITIONS, move, from);
