/**
 * Who may do what on a proxy task, and which consent fits which requester: the same rules as the
 * API's (functions/src/domain/proxy), so the page offers only what will be accepted. The API stays
 * the judge: a refused move still comes back with its Chinese message.
 */
import type { Role } from '@gridlink/shared/names';
import type { ConsentMethod, ProxyTask } from '../../api/proxy';

export interface Viewer {
  id: string;
  role: Role;
}

/** grid staff who register 帮扶对象, witness signatures and confirm for the elder */
export const CARE_STAFF: readonly Role[] = ['grid_worker', 'grid_leader', 'community_admin'];
/** who may ask for a proxy task at all */
export const REQUESTER_ROLES: readonly Role[] = ['resident', 'agent', ...CARE_STAFF];
/** who approves agents */
export const APPROVER_ROLES: readonly Role[] = ['community_admin', 'grid_leader'];

export const isCareStaff = (role?: Role) => !!role && CARE_STAFF.includes(role);
export const canRequest = (role?: Role) => !!role && REQUESTER_ROLES.includes(role);
export const canApprove = (role?: Role) => !!role && APPROVER_ROLES.includes(role);

// ------------------------------------------------------------------ consent

/** For whom a task is asked: oneself, a relative (confirmed family link), or a 帮扶对象 (grid staff). */
export type RecipientChoice =
  | { kind: 'self'; id: string; name: string }
  | { kind: 'family'; id: string; name: string }
  | { kind: 'care'; id: string; name: string };

export const CONSENT_ORDER: readonly ConsentMethod[] = ['in_app', 'witnessed_signature', 'family'];

export const CONSENT_EXPLAIN: Record<ConsentMethod, string> = {
  in_app: '本人在小程序里阅读并同意授权，适用于本人为自己申请代办。',
  witnessed_signature:
    '本人不会用微信或行动不便时，在纸质授权书上签字（或按手印），由网格员当面见证；适用于网格员为帮扶对象申请。',
  family: '经网格员确认过的家属代本人授权，适用于子女、配偶等为老人或残疾亲属申请。',
};

/** Why a method does not fit this requester (shown under the greyed-out choice). */
const NOT_FOR: Record<ConsentMethod, string> = {
  in_app: '只能由本人申请时使用',
  witnessed_signature: '只能由本网格网格员为帮扶对象申请时使用',
  family: '只能由已确认的家属为亲属申请时使用',
};

/** The one consent method that fits who asks for whom (the API refuses the others with 400). */
export function consentFor(role: Role | undefined, choice: RecipientChoice | undefined): ConsentMethod | undefined {
  if (!choice || !role) return undefined;
  if (choice.kind === 'self') return 'in_app';
  if (choice.kind === 'family') return 'family';
  return isCareStaff(role) ? 'witnessed_signature' : undefined;
}

export interface ConsentOption {
  method: ConsentMethod;
  allowed: boolean;
  explain: string;
  /** why not, when not allowed */
  reason?: string;
}

export function consentOptions(role: Role | undefined, choice: RecipientChoice | undefined): ConsentOption[] {
  const fit = consentFor(role, choice);
  return CONSENT_ORDER.map((method) => ({
    method,
    allowed: method === fit,
    explain: CONSENT_EXPLAIN[method],
    ...(method === fit ? {} : { reason: NOT_FOR[method] }),
  }));
}

// ------------------------------------------------------------------ actions on a task

export type TaskAction = 'claim' | 'start' | 'apply' | 'complete' | 'confirm' | 'cancel' | 'rate';

/** The assigned agent (the one who won the claim). */
export const isAssignee = (t: ProxyTask, v: Viewer) => !!t.agentId && t.agentId === v.id;

/**
 * The recipient's side: the requester, the recipient, a confirmed family member or grid staff in
 * scope. The API shows exactly these (and the assigned agent in the window) the recipient
 * unmasked, so an unmasked card read by anyone but the assignee means "side".
 */
export function isSide(t: ProxyTask, v: Viewer): boolean {
  if (v.id === t.requesterId || v.id === t.recipient.id) return true;
  return !t.recipient.masked && !isAssignee(t, v);
}

/** Whoever may rate: the requester, the recipient, or family (grid staff confirm but do not rate others' tasks). */
function mayRate(t: ProxyTask, v: Viewer): boolean {
  if (v.id === t.requesterId || v.id === t.recipient.id) return true;
  return isSide(t, v) && (v.role === 'resident' || v.role === 'agent');
}

/** What this viewer can do on this task now, in the order the buttons show. */
export function taskActions(t: ProxyTask, v: Viewer | undefined): TaskAction[] {
  if (!v) return [];
  const out: TaskAction[] = [];
  const mine = isAssignee(t, v);
  const side = isSide(t, v);
  if (t.status === 'open' && v.role === 'agent' && !mine && v.id !== t.recipient.id) out.push('claim');
  if (t.status === 'claimed' && mine) out.push('start');
  if (t.status === 'in_progress' && mine && t.kind === 'service' && t.serviceCode) out.push('apply');
  if (t.status === 'in_progress' && mine) out.push('complete');
  if (t.status === 'done' && side) out.push('confirm');
  if ((t.status === 'open' || t.status === 'claimed') && side) out.push('cancel');
  if (t.status === 'confirmed' && !t.rating && mayRate(t, v)) out.push('rate');
  return out;
}

export const ACTION_LABELS: Record<TaskAction, string> = {
  claim: '认领任务',
  start: '开始办理',
  apply: '代为申请办事',
  complete: '办理完成',
  confirm: '确认办结',
  cancel: '取消代办',
  rate: '评价代办',
};

/** The services form for an application on the recipient's behalf, tied to this task. */
export const behalfUrl = (t: ProxyTask) =>
  `/pkg-services/pages/service/index?code=${encodeURIComponent(t.serviceCode ?? '')}&onBehalfOf=${encodeURIComponent(t.recipient.id)}&taskId=${encodeURIComponent(t.id)}`;

export const taskUrl = (id: string) => `/pkg-proxy/pages/task/index?id=${encodeURIComponent(id)}`;
export const careDetailUrl = (id: string) => `/pkg-proxy/pages/care-detail/index?id=${encodeURIComponent(id)}`;

// ------------------------------------------------------------------ deadline

const HOUR = 3600_000;
export const DEADLINES = [
  { key: '24', label: '24 小时内', hours: 24 },
  { key: '48', label: '48 小时内', hours: 48 },
  { key: '72', label: '3 天内', hours: 72 },
  { key: '168', label: '7 天内', hours: 168 },
] as const;
export const deadlineIso = (hours: number, now = Date.now()) => new Date(now + hours * HOUR).toISOString();

/** 还剩 5 小时 / 已超时 (lists sort by the nearest deadline) */
export function deadlineText(deadline: string, now = Date.now()): { text: string; urgent: boolean; over: boolean } {
  const left = Date.parse(deadline) - now;
  if (Number.isNaN(left)) return { text: '', urgent: false, over: false };
  if (left <= 0) return { text: '已超过认领时限', urgent: true, over: true };
  const hours = Math.floor(left / HOUR);
  if (hours < 1) return { text: '不到 1 小时', urgent: true, over: false };
  if (hours < 24) return { text: `还剩 ${hours} 小时`, urgent: hours < 6, over: false };
  return { text: `还剩 ${Math.floor(hours / 24)} 天`, urgent: false, over: false };
}
