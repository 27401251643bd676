/**
 * Who may do what on a proxy task, and which consent fits which requester. The moves come from the
 * workflow tables (shared/workflows/proxy), read with the viewer's relation to the task; the page
 * offers only what will be accepted. The API stays the judge: a refused move still comes back with
 * its Chinese message.
 */
import type { Role } from '@gridlink/shared/names';
import { mayMove, movesFrom } from '@gridlink/shared/workflow';
import { AGENT_APPLICATION_WORKFLOW, PROXY_WORKFLOW, type ProxyBy } from '@gridlink/shared/workflows/proxy';
import { CARE_STAFF } from '@gridlink/shared/workflows/roles';
import type { ConsentMethod, ProxyMove, ProxyTask } from '../../api/proxy';

export interface Viewer {
  id: string;
  role: Role;
}

/** who may ask for a proxy task at all: for oneself or a relative, or grid staff for a 帮扶对象 */
export const REQUESTER_ROLES: readonly Role[] = ['resident', 'agent', ...CARE_STAFF];

/** grid staff who register 帮扶对象, witness signatures and confirm family links */
export const isCareStaff = (role?: Role) => !!role && CARE_STAFF.includes(role);
export const canRequest = (role?: Role) => !!role && REQUESTER_ROLES.includes(role);
export const canApprove = (role?: Role) => !!role && mayMove(AGENT_APPLICATION_WORKFLOW, 'approve', [role]);

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

/** The table's moves, and 代为申请办事 (an application on the recipient's behalf, while in progress). */
export type TaskAction = ProxyMove | 'apply' | 'rate';

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

/** The viewer's relations to the task, as the table's `by` names them. */
export function relations(t: ProxyTask, v: Viewer): ProxyBy[] {
  return [
    ...(v.role === 'agent' ? (['agent'] as const) : []),
    ...(isAssignee(t, v) ? (['assignee'] as const) : []),
    ...(isSide(t, v) ? (['side'] as const) : []),
  ];
}

/**
 * Narrower than the table, where the page knows better: an agent does not claim her own claim or
 * a task for herself; of the side only the requester, the recipient or family rate (grid staff
 * confirm but do not rate others' tasks), and only once.
 */
function hidden(m: TaskAction, t: ProxyTask, v: Viewer): boolean {
  if (m === 'claim') return isAssignee(t, v) || v.id === t.recipient.id;
  if (m === 'rate') {
    const own = v.id === t.requesterId || v.id === t.recipient.id;
    return !!t.rating || !(own || v.role === 'resident' || v.role === 'agent');
  }
  return false;
}

/** What this viewer can do on this task now, in the table's order (代为申请 just before 办理完成). */
export function taskActions(t: ProxyTask, v: Viewer | undefined): TaskAction[] {
  if (!v) return [];
  const moves = movesFrom(PROXY_WORKFLOW, t.status, relations(t, v)) as TaskAction[];
  const out = moves.filter((m) => !hidden(m, t, v));
  const service = t.kind === 'service' && !!t.serviceCode;
  return out.flatMap((m) => (m === 'complete' && service ? (['apply', m] as TaskAction[]) : [m]));
}

/** A button's words: the table's label; 取消 alone would read as "close this", and 代为申请 is no move. */
const BUTTON_TEXT: Partial<Record<TaskAction, string>> = { apply: '代为申请办事', cancel: '取消代办' };
export const actionLabel = (a: TaskAction) =>
  BUTTON_TEXT[a] ?? PROXY_WORKFLOW.moves[a as keyof typeof PROXY_WORKFLOW.moves].label;

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
