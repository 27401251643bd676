/**
 * 全时考勤: clock in/out with location against the grid's fence (accepted when outside, flagged),
 * the daily missed-clock-in sweep (approved leave skipped), 请假 through the kernel, and the monthly
 * sheet (JSON, and .xlsx through storage like the import template).
 */
import type { AttendanceDay } from '@gridlink/shared/patrol';
import { chinaDate } from '@gridlink/shared/time';
import { LEAVE_WORKFLOW } from '@gridlink/shared/workflows/patrol';
import type { Actor } from '../../auth/actor';
import { auditPut } from '../../data/audit';
import { getGridItems } from '../../data/grids';
import { newId } from '../../data/ids';
import { conditionalPut } from '../../data/item';
import {
  attendanceDays,
  attendancePut,
  getLeave,
  gridGeos,
  leaveDayPut,
  leaveDaysOf,
  leaveItem,
  leavesOf,
  monthOf,
  pendingLeaves,
  type AttendanceItem,
  type Clock,
  type LeaveItem,
} from '../../data/patrol';
import type { PageRequest } from '../../data/query';
import { listStaffIn } from '../../data/staff';
import { statsUpdates } from '../../data/stats';
import { presignGet, putObject } from '../../data/storage';
import { isConditionFailure, transact } from '../../data/transact';
import { getUser } from '../../data/users';
import { badRequest, forbidden, notFound, versionConflict } from '../errors';
import { commit, type Binding } from '../workflow/kernel';
import { FIELD_ROLES, gridInScope, isLeaderOver, moveActor, ownGrid, workerStats } from './common';
import { fenceCheck } from './geo';

/** The fence of a grid: its own geo, else the nearest ancestor's. */
async function fenceOf(path: readonly string[]) {
  const geos = await gridGeos(path);
  for (const id of [...path].reverse()) if (geos.has(id)) return geos.get(id);
  return undefined;
}

export async function clock(actor: Actor, body: { kind: 'in' | 'out'; lat: number; lng: number }, now: string) {
  if (!FIELD_ROLES.includes(actor.role)) throw forbidden('只有网格员需要考勤打卡');
  const grid = await ownGrid(actor);
  const date = chinaDate(now);
  const [fence, days] = await Promise.all([fenceOf(grid.path), attendanceDays(actor.id, [{ date }])]);
  const old = days.get(date);
  if (old?.[body.kind] && body.kind === 'in') return toDay(old, false); // clocked in already (a retry)
  const f = fenceCheck(fence, body);
  const c: Clock = { at: now, lat: body.lat, lng: body.lng, inFence: f.inFence, distanceM: f.distanceM };
  const flags = new Set(old?.flags ?? []);
  const wasFlagged = flags.has('out_of_fence');
  if (!f.inFence) flags.add('out_of_fence');
  if (!f.known) flags.add('no_fence');
  if (body.kind === 'out' && !old?.in) flags.add('no_clock_in');
  const after: AttendanceItem = {
    userId: actor.id,
    date,
    gridId: grid.id,
    in: old?.in ?? null,
    out: old?.out ?? null,
    [body.kind]: c,
    flags: [...flags],
    v: (old?.v ?? 0) + 1,
  };
  const counters: Record<string, number> = {};
  if (!old?.in && body.kind === 'in') counters.attend_days = 1;
  if (!wasFlagged && !f.inFence) counters.attend_flagged = 1;
  try {
    await transact([
      attendancePut(after),
      auditPut({
        actorId: actor.id,
        actorRole: actor.role,
        action: `attendance.clock_${body.kind}`,
        target: `attendance:${actor.id}:${date}`,
        to: { inFence: f.inFence },
        at: now,
      }),
      ...statsUpdates(grid.path, counters, now),
      ...workerStats(actor.id, now, counters),
    ]);
  } catch (e) {
    if (isConditionFailure(e)) throw versionConflict();
    throw e;
  }
  return toDay(after, false);
}

function toDay(a: AttendanceItem, leave: boolean): AttendanceDay {
  const c = (x: Clock | null) => (x ? { at: x.at, inFence: x.inFence, distanceM: x.distanceM } : null);
  return { userId: a.userId, date: a.date, in: c(a.in), out: c(a.out), flags: a.flags, leave };
}

/** Who may read a worker's attendance: the worker, leaders over one of the worker's grids. */
async function workerInScope(actor: Actor, userId: string) {
  const u = await getUser(userId);
  if (!u) throw notFound('人员不存在');
  if (actor.id === userId) return u;
  const grids = await getGridItems(u.gridIds ?? []);
  if (![...grids.values()].some((g) => isLeaderOver(actor, g.path))) throw forbidden('不在您负责的网格范围内');
  return u;
}

export async function monthlySheet(actor: Actor, userId: string | undefined, month: string) {
  const u = await workerInScope(actor, userId ?? actor.id);
  const { days, leave } = await monthOf(u.id, month);
  const byDate = new Map(days.map((d) => [d.date, d]));
  const dates = [...new Set([...byDate.keys(), ...leave])].sort();
  const rows = dates.map((date) =>
    toDay(
      byDate.get(date) ?? { userId: u.id, date, gridId: '', in: null, out: null, flags: [], v: 0 },
      leave.has(date),
    ),
  );
  return {
    userId: u.id,
    name: u.name,
    month,
    days: rows,
    totals: {
      days: rows.filter((r) => r.in).length,
      flagged: rows.filter((r) => r.flags.includes('out_of_fence')).length,
      missed: rows.filter((r) => r.flags.includes('missed')).length,
      leave: rows.filter((r) => r.leave).length,
    },
  };
}

const FLAG_NAMES: Record<string, string> = {
  out_of_fence: '围栏外',
  missed: '未打卡',
  no_clock_in: '未签到签退',
  no_fence: '网格未设围栏',
};
const hm = (iso?: string) => (iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16) : '');

/** The sheet as .xlsx in storage; answered with a 5-minute download link (as the import template). */
export async function monthlySheetXlsx(actor: Actor, userId: string | undefined, month: string, now: string) {
  const sheet = await monthlySheet(actor, userId, month);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${month} 考勤`);
  ws.addRow([`${sheet.name} ${month} 月度考勤表`]);
  ws.addRow(['日期', '签到', '签退', '异常', '请假']);
  for (const d of sheet.days)
    ws.addRow([
      d.date,
      hm(d.in?.at),
      hm(d.out?.at),
      d.flags.map((f) => FLAG_NAMES[f] ?? f).join('、'),
      d.leave ? '请假' : '',
    ]);
  ws.addRow([]);
  ws.addRow([
    '出勤天数',
    sheet.totals.days,
    '异常',
    sheet.totals.flagged,
    `未打卡 ${sheet.totals.missed} / 请假 ${sheet.totals.leave}`,
  ]);
  const key = `uploads/exports/attendance/${sheet.userId}/${month}-${newId(Date.parse(now))}.xlsx`;
  await putObject(
    key,
    Buffer.from(await wb.xlsx.writeBuffer()),
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  return {
    url: await presignGet(key, 300),
    fileName: `考勤表-${sheet.name}-${month}.xlsx`,
    expiresAt: new Date(Date.parse(now) + 300_000).toISOString(),
  };
}

/**
 * Daily: every grid worker on duty (assigned to a grid of the district) without a clock-in on `date`
 * (default: yesterday, China) and without approved leave gets a `missed` day — `attend_missed` on the
 * grid and the worker's month. Idempotent: the day item is created only if absent.
 */
export async function missedClockInSweep(now = new Date().toISOString(), districtIds = districts(), date?: string) {
  const day = date ?? chinaDate(new Date(Date.parse(now) - 86_400_000).toISOString());
  let marked = 0;
  for (const district of districtIds) {
    let cursor: string | undefined;
    do {
      const page = await listStaffIn([district], { limit: 100, cursor });
      cursor = page.nextCursor ?? undefined;
      const workers = page.items.filter((s) => s.role === 'grid_worker' && s.gridPath);
      if (!workers.length) continue;
      const ids = [...new Set(workers.map((w) => w.userId))];
      const [leave, ...days] = await Promise.all([
        leaveDaysOf(ids.map((userId) => ({ userId, date: day }))),
        ...ids.map((u) => attendanceDays(u, [{ date: day }])),
      ]);
      for (const [i, userId] of ids.entries()) {
        if (days[i].has(day) || leave.has(`${userId}|${day}`)) continue;
        const w = workers.find((x) => x.userId === userId)!;
        const at = new Date(Date.parse(`${day}T23:59:00+08:00`)).toISOString();
        try {
          await transact([
            attendancePut({ userId, date: day, gridId: w.gridId, in: null, out: null, flags: ['missed'], v: 1 }),
            auditPut({
              actorId: 'system',
              actorRole: 'system',
              action: 'attendance.missed',
              target: `attendance:${userId}:${day}`,
              at: now,
            }),
            ...statsUpdates(w.gridPath!, { attend_missed: 1 }, now),
            ...workerStats(userId, at, { attend_missed: 1 }),
          ]);
          marked++;
        } catch (e) {
          if (!isConditionFailure(e)) throw e; // clocked in or marked meanwhile
        }
      }
    } while (cursor);
  }
  return marked;
}

const districts = () => (process.env.DISTRICT_IDS ?? 'hz').split(',').filter(Boolean);

// ── 请假 ──

const LEAVE_BINDING: Binding<LeaveItem> = {
  workflow: LEAVE_WORKFLOW,
  put: (after, expected) => conditionalPut(leaveItem(after), expected),
  gridPath: (l) => l.gridPath,
  notice: ({ after, actor, label, note }) =>
    actor.id === after.userId
      ? undefined
      : {
          userIds: [after.userId],
          template: 'request_status',
          title: `请假${LEAVE_WORKFLOW.stateNames[after.status]}`,
          body: `${after.from} 至 ${after.to}：${label}${note ? `（${note}）` : ''}`,
          page: '/pkg-patrol/pages/attendance/index',
        },
};

const DAY = 86_400_000;
const datesOf = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

export const toLeave = (l: LeaveItem) => ({
  id: l.id,
  status: l.status,
  userId: l.userId,
  userName: l.userName,
  gridId: l.gridId,
  from: l.from,
  to: l.to,
  reason: l.reason,
  ...(l.decidedBy ? { decidedBy: l.decidedBy } : {}),
  ...(l.note ? { note: l.note } : {}),
  createdAt: l.createdAt,
  version: l.version,
});

export async function applyLeave(actor: Actor, body: { from: string; to: string; reason: string }, now: string) {
  if (body.to < body.from) throw badRequest('结束日期不能早于开始日期', [{ path: 'to', message: '日期有误' }]);
  if (datesOf(body.from, body.to).length > 30)
    throw badRequest('一次请假不超过 30 天', [{ path: 'to', message: '过长' }]);
  const grid = await ownGrid(actor);
  const l: LeaveItem = {
    id: newId(Date.parse(now)),
    status: 'pending',
    version: 0,
    updatedAt: now,
    createdAt: now,
    userId: actor.id,
    userName: actor.name,
    gridId: grid.id,
    gridPath: grid.path,
    from: body.from,
    to: body.to,
    reason: body.reason,
  };
  const { item } = await commit(LEAVE_BINDING, {
    move: 'apply',
    actor: moveActor(actor),
    as: [actor.role],
    after: l,
    now,
  });
  return toLeave(item);
}

export async function decideLeave(
  actor: Actor,
  id: string,
  move: 'approve' | 'refuse',
  note: string | undefined,
  now: string,
) {
  const l = await getLeave(id);
  if (!l) throw notFound('请假申请不存在');
  const mine = l.userId === actor.id;
  const over = !mine && isLeaderOver(actor, l.gridPath);
  const dates = datesOf(l.from, l.to);
  const counters: Record<string, number> = move === 'approve' ? { leave_days: dates.length } : {};
  const { item } = await commit(LEAVE_BINDING, {
    move,
    actor: moveActor(actor),
    as: over ? [actor.role] : [],
    refusal: mine ? '不能审批自己的请假' : '不在您负责的网格范围内',
    before: l,
    after: { ...l, decidedBy: actor.name, ...(note ? { note } : {}) },
    note,
    now,
    counters,
    extra:
      move === 'approve'
        ? [...dates.map((d) => leaveDayPut(l.userId, d, l.id)), ...workerStats(l.userId, now, counters)]
        : [],
  });
  return toLeave(item);
}

export async function cancelLeave(actor: Actor, id: string, now: string) {
  const l = await getLeave(id);
  if (!l) throw notFound('请假申请不存在');
  const { item } = await commit(LEAVE_BINDING, {
    move: 'cancel',
    actor: moveActor(actor),
    as: l.userId === actor.id ? ['owner'] : [],
    before: l,
    after: l,
    now,
  });
  return toLeave(item);
}

/** Leaders: the community's pending requests; workers: their own. */
export async function listLeaves(actor: Actor, gridId: string | undefined, page: PageRequest) {
  if (FIELD_ROLES.includes(actor.role) && actor.role === 'grid_worker') {
    const res = await leavesOf(actor.id, page);
    return { items: res.items.map(toLeave), nextCursor: res.nextCursor };
  }
  const g = await gridInScope(actor, gridId ?? actor.gridIds[0] ?? '');
  const res = await pendingLeaves(g.path[2] ?? g.path[0], page);
  return { items: res.items.filter((l) => isLeaderOver(actor, l.gridPath)).map(toLeave), nextCursor: res.nextCursor };
}
