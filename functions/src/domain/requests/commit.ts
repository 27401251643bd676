/**
 * The request workflow bound to its storage: every change to a request goes through the kernel,
 * which writes the request (conditional on version and status), its timeline event, the counters,
 * the audit record, the notice and — here — the open-in-building index and the Open311 feed.
 */
import { LEVEL_NAMES } from '@gridlink/shared/requests';
import { REQUEST_WORKFLOW } from '@gridlink/shared/workflows/requests';
import { isOpenState } from '@gridlink/shared/workflow';
import { feedUpdate } from '../../data/open311';
import { outboxPut } from '../../data/outbox';
import {
  deptLateDeletes,
  eventPut,
  openIndexDelete,
  openIndexPut,
  requestCreatePut,
  requestReplace,
  type EventItem,
  type RequestItem,
} from '../../data/requests';
import { check, plan, run, SYSTEM, type Binding, type MoveActor, type MoveInput } from '../workflow/kernel';
import { actorTier, levelRank } from './routing';

export { SYSTEM };
export type RequestMove = keyof typeof REQUEST_WORKFLOW.moves;
/** whoever moves a request: a signed-in actor, or scheduled work */
type StaffActor = MoveActor & { gridIds?: readonly string[]; departmentId?: string };

const open = (s: string) => isOpenState(REQUEST_WORKFLOW, s);

/** moves between staff and departments: the reporter is not told */
const STAFF_ONLY: readonly string[] = [
  'remindDue',
  'signOverdue',
  'requestExtension',
  'approveExtension',
  'refuseExtension',
];

/** 新待办 / 上报至您: the staff of the inbox a move hands the request to (looked up when drained). */
function inboxNotice(r: RequestItem, move: string, now: string) {
  const up = move === 'escalate' || move === 'autoEscalate';
  return outboxPut({
    userIds: [],
    toGridStaff: [r.inbox],
    template: 'staff_task',
    title: `${up ? '上报至您' : '新待办'}：${r.categoryName}`,
    body: r.publicSummary ?? r.categoryName,
    page: `/pkg-staff/pages/handle/index?id=${r.id}`,
    at: now,
  });
}

export const REQUEST_BINDING: Binding<RequestItem> = {
  workflow: REQUEST_WORKFLOW,
  put: (after, expected) =>
    expected
      ? requestReplace(after, expected as { version: number; status: RequestItem['status'] })
      : requestCreatePut(after),
  eventPut: (after, e) => eventPut(after.id, e as unknown as EventItem),
  gridPath: (r) => r.gridPath,
  counterPrefix: 'req',
  eventFields: (r) => ({ level: r.level }),
  notice: ({ after, note, label, before, move }) =>
    STAFF_ONLY.includes(move)
      ? undefined
      : {
          userIds: before ? [after.reporterId, ...after.joinerIds] : [after.reporterId],
          template: 'request_status',
          title: `${after.categoryName}：${REQUEST_WORKFLOW.stateNames[after.status]}`,
          body: before ? (note ? `${label}：${note}` : label) : '您的诉求已提交，网格员会尽快受理',
          page: `/pkg-resident/pages/request/index?id=${after.id}`,
        },
  derived: ({ before, after, move, now }) => {
    const items: unknown[] = before ? [feedUpdate(after)] : [];
    const was = before ? open(before.status) : false;
    if (was && !open(after.status)) items.push(openIndexDelete(after));
    if (!was && open(after.status)) items.push(openIndexPut(after));
    // a new inbox (reported, escalated, returned, reopened): its staff are told
    if (open(after.status) && after.status !== 'dispatched' && (!before || before.inbox !== after.inbox))
      items.push(inboxNotice(after, move, now));
    // 转办: the department's members are told to 报到
    if (after.status === 'dispatched' && before?.status !== 'dispatched' && after.departmentId)
      items.push(
        outboxPut({
          userIds: [],
          toDepartment: after.departmentId,
          template: 'staff_task',
          title: `新待办（请报到）：${after.categoryName}`,
          body: after.publicSummary ?? after.categoryName,
          page: `/pkg-staff/pages/handle/index?id=${after.id}`,
          at: now,
        }),
      );
    // leaving 转办: out of the street's overdue-department list
    if (before?.status === 'dispatched' && after.status !== 'dispatched') items.push(...deptLateDeletes(before));
    return items;
  },
};

/**
 * What the actor is to this request: its reporter ('owner'), staff in scope at or above the level
 * handling it (their role), the department it was dispatched to, or scheduled work ('system').
 */
export function requestRelations(actor: StaffActor, req: RequestItem) {
  if (actor.id === SYSTEM.id) return { as: ['system'] };
  const as: string[] = actor.id === req.reporterId ? ['owner'] : [];
  if (actor.role === 'department') {
    if (req.status === 'dispatched' && req.departmentId === actor.departmentId) as.push('department');
    return { as, refusal: as.includes('department') ? undefined : '该诉求未转办到您的部门' };
  }
  const tier = actorTier({ gridIds: [...(actor.gridIds ?? [])] }, req.gridPath);
  if (!tier) return { as, refusal: as.includes('owner') ? '只有网格工作人员可以办理' : '不在您负责的网格范围内' };
  if (levelRank(tier) < levelRank(req.level)) return { as, refusal: `该诉求已上报至${LEVEL_NAMES[req.level]}级处理` };
  return { as: [...as, actor.role] };
}

type RequestMoveInput = Omit<MoveInput<RequestItem>, 'as' | 'after'> & {
  before: RequestItem;
  after?: RequestItem;
  move: RequestMove;
  actor: StaffActor;
};

/** Plans a move of an existing request as the actor's relation allows. */
export function planRequestMove(input: RequestMoveInput) {
  const rel = requestRelations(input.actor, input.before);
  return plan(REQUEST_BINDING, { ...input, ...rel, after: input.after ?? input.before });
}

/** Applies a move to an existing request, with other planned moves that must agree (a call-back). */
export async function moveRequest(input: RequestMoveInput, ...together: { items: unknown[] }[]) {
  const p = planRequestMove(input);
  await run(p, ...together);
  return p.item;
}

/** The kernel's checks (who, state, note) before a move's own validation runs. */
export function checkRequestMove(
  actor: StaffActor,
  req: RequestItem,
  move: RequestMove,
  note?: string,
  refusal?: string,
) {
  const rel = requestRelations(actor, req);
  return check(REQUEST_WORKFLOW, {
    move,
    note,
    before: req,
    actorRole: actor.role,
    ...rel,
    ...(refusal ? { refusal } : {}),
  });
}
