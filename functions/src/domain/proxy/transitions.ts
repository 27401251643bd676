import type { ProxyStatus } from '@gridlink/shared/proxy';
import { next, type TransitionTable } from '../workflow';

export type ProxyMove = 'claim' | 'start' | 'complete' | 'confirm' | 'cancel';
/** 'agent' = any agent of the community (claim) ; 'assignee' = the agent who won the claim;
 *  'side' = the requester, the recipient, a confirmed family member or grid staff in scope */
type By = 'agent' | 'assignee' | 'side';

export const PROXY_TRANSITIONS: TransitionTable<ProxyMove, ProxyStatus, By> = {
  claim: { from: ['open'], to: 'claimed', by: ['agent'], label: '认领' },
  start: { from: ['claimed'], to: 'in_progress', by: ['assignee'], label: '开始办理' },
  complete: { from: ['in_progress'], to: 'done', by: ['assignee'], label: '办理完成' },
  confirm: { from: ['done'], to: 'confirmed', by: ['side'], label: '确认办结' },
  cancel: { from: ['open', 'claimed'], to: 'cancelled', by: ['side'], label: '取消' },
};

export const nextProxyStatus = (move: ProxyMove, from: ProxyStatus) => next(PROXY_TRANSITIONS, move, from);

/** The window in which the assigned agent sees the recipient's personal data unmasked. */
export const ACCESS_WINDOW: readonly ProxyStatus[] = ['claimed', 'in_progress', 'done'];
