/**
 * The one import code path (CLI and admin upload): two streamed passes over the source — the 网格
 * sheet first (its paths may be used by every other sheet), then 房屋, 人口 and 网格员 in file
 * order — rows validated one by one, good rows landing in batches, every problem in the report.
 */
import { createHash } from 'node:crypto';
import { maskIdNumber, maskName, maskPhone } from '@gridlink/shared/mask';
import type { AuditEntry } from '../../data/audit';
import { writeAudit } from '../../data/audit';
import {
  applyBaseRows,
  applyStaff,
  getGridFresh,
  type BaseRow,
  type HouseItem,
  type PersonItem,
} from '../../data/basedata';
import type { GridItem } from '../../data/grids';
import { DEAD_RUN_MS, recountDirty } from '../../data/population';
import { countRule, deltaOf } from './counts';
import { personId, rowHashOf } from './identity';
import { newId } from '../../data/ids';
import { DomainError } from '../errors';
import { GridTree } from './grid-tree';
import { limiter } from './pool';
import {
  mapHeaders,
  parseGridRow,
  parseHouseRow,
  parsePersonRow,
  parseStaffRow,
  type PathNames,
  type Problem,
} from './rows';
import { SHEET_NAMES, isSheetName, type SheetName } from './schema';
import { SourceError, type BaseDataSource, type Cell } from './source';
import { nodeInScope, outOfScope, outranks, pathInScope } from './scope';

export interface SheetCounts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  duplicate: number;
  rejected: number;
}

export interface ImportProgress {
  phase: '网格' | '数据';
  sheet: string;
  rows: number;
  landed: number;
}

export interface ImportResult {
  importId: string;
  districtId: string;
  startedAt: string;
  finishedAt: string;
  /** the whole file could not be read: nothing (more) imported */
  fatal?: string;
  gridsCreated: number;
  sheets: Record<SheetName, SheetCounts>;
  problems: Problem[];
  /** problems beyond MAX_PROBLEMS are counted, not listed */
  problemsNotListed: number;
  /** the run stopped at `deadline`: data rows handled so far (earlier parts included); resume there */
  pausedAt?: number;
}

export interface ImportOptions {
  districtId: string;
  actor: { id: string; role: string };
  importId?: string;
  batchSize?: number;
  onProgress?: (p: ImportProgress) => void;
  /** the admin upload: only rows under these grids land, the others are problems (./scope.ts) */
  scope?: readonly string[];
  /** stop at the first batch boundary after this time (epoch ms): a part of a long import */
  deadline?: number;
  /** data rows (房屋, 人口, 网格员 in file order) an earlier part handled: read again, not written */
  resumeAt?: number;
  /** what the earlier parts counted (the last part's audit record tells the whole run) */
  before?: { sheets: Record<SheetName, SheetCounts>; gridsCreated: number; problems: number };
}

/** the counts of two parts of one run, sheet by sheet */
export function addCounts(a: Record<SheetName, SheetCounts>, b: Record<SheetName, SheetCounts>) {
  const out = {} as Record<SheetName, SheetCounts>;
  for (const s of SHEET_NAMES) {
    const x = a[s] ?? counts();
    const y = b[s] ?? counts();
    out[s] = {
      rows: x.rows + y.rows,
      created: x.created + y.created,
      updated: x.updated + y.updated,
      unchanged: x.unchanged + y.unchanged,
      duplicate: x.duplicate + y.duplicate,
      rejected: x.rejected + y.rejected,
    };
  }
  return out;
}

const MAX_PROBLEMS = 10_000;
const hash = (s: string, n = 16) => createHash('sha256').update(s).digest('hex').slice(0, n);
/** A staff user's id: from the phone (the 网格员 sheet and staff administration mint the same one). */
export const staffUserId = (phone: string) => `staff-${hash(phone, 12)}`;
export const staffRowHash = (fields: Record<string, unknown>) => hash(JSON.stringify(fields));
const counts = (): SheetCounts => ({ rows: 0, created: 0, updated: 0, unchanged: 0, duplicate: 0, rejected: 0 });
const isEmptyRow = (values: Cell[]) => values.every((v) => v === null || (typeof v === 'string' && !v.trim()));

/** fields of a record with personal values masked (what an audit record may hold) */
function maskedFields(r: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    if (v === undefined || ['rowHash', 'importId', 'version', 'createdAt', 'updatedAt', 'gridPath'].includes(k))
      continue;
    if (typeof v === 'string' && /idNumber$/i.test(k)) out[k] = maskIdNumber(v);
    else if (typeof v === 'string' && /phone$/i.test(k)) out[k] = maskPhone(v);
    else if (typeof v === 'string' && /name$/i.test(k) && k !== 'houseNo') out[k] = maskName(v);
    else out[k] = v;
  }
  return out;
}

/** the changed fields only, masked, before and after */
export function changeOf(old: Record<string, unknown>, next: Record<string, unknown>) {
  const a = maskedFields(old);
  const b = maskedFields(next);
  const from: Record<string, unknown> = {};
  const to: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
    if (JSON.stringify(old[k]) !== JSON.stringify(next[k])) [from[k], to[k]] = [a[k], b[k]];
  return { from, to };
}

/** rows a batch writes: 20 BatchWriteItem calls of 25 to its 2 counter writes (marker, counter ADDs) */
export const IMPORT_BATCH = 500;

export async function runImport(source: BaseDataSource, opts: ImportOptions): Promise<ImportResult> {
  const startedAt = new Date().toISOString();
  const importId = opts.importId ?? newId();
  const root = await getGridFresh(opts.districtId);
  if (!root || root.level !== 'district') throw new DomainError('NOT_FOUND', `没有区级网格 ${opts.districtId}`);
  const tree = new GridTree({ ...root }, startedAt);
  const sheets = Object.fromEntries(SHEET_NAMES.map((s) => [s, counts()])) as Record<SheetName, SheetCounts>;
  const problems: Problem[] = [];
  let notListed = 0;
  let pausedAt: number | undefined;
  const report = (p: Problem) => (problems.length < MAX_PROBLEMS ? problems.push(p) : notListed++);
  // a later part: the 网格 sheet and the headers were reported by the first part
  const firstPart = !opts.resumeAt;
  const once = (p: Problem) => firstPart && report(p);
  const result = (fatal?: string): ImportResult => ({
    importId,
    districtId: opts.districtId,
    startedAt,
    finishedAt: new Date().toISOString(),
    ...(fatal ? { fatal } : {}),
    gridsCreated: tree.created,
    sheets,
    problems,
    problemsNotListed: notListed,
    ...(pausedAt !== undefined ? { pausedAt } : {}),
  });
  const progress = (phase: ImportProgress['phase'], sheet: string) => {
    const landed = Object.values(sheets).reduce((s, c) => s + c.created + c.updated + c.unchanged, 0);
    const rows = Object.values(sheets).reduce((s, c) => s + c.rows, 0);
    opts.onProgress?.({ phase, sheet, rows, landed });
  };
  try {
    const seen = await gridPass(source, tree, sheets.网格, once, () => progress('网格', '网格'), opts.scope);
    if (!firstPart) sheets.网格 = counts(); // counted by the first part
    for (const s of SHEET_NAMES)
      if (!seen.includes(s)) once({ sheet: s, row: 0, column: '', value: '', problem: `文件中没有工作表「${s}」` });
    if (!seen.some(isSheetName))
      return result(`文件中没有可识别的工作表（应为：${SHEET_NAMES.join('、')}；现有：${seen.join('、') || '无'}）`);
    const deadBefore = new Date(Date.parse(startedAt) - DEAD_RUN_MS).toISOString();
    await recountDirty(countRule, startedAt, { deadBefore, except: importId }); // left by a run that died
    const dp = await dataPass(source, tree, opts, importId, sheets, { report, once }, (s) => progress('数据', s));
    pausedAt = dp.pausedAt;
    await recountDirty(countRule, startedAt, { importId }); // this run's batches that failed half-way
  } catch (e) {
    if (e instanceof SourceError) return result(e.message);
    throw e;
  }
  const done = result();
  if (pausedAt !== undefined) return done; // the last part audits the whole run
  const c = opts.before ? addCounts(opts.before.sheets, sheets) : sheets;
  const gridsCreated = tree.created + (opts.before?.gridsCreated ?? 0);
  const problemsTotal = problems.length + notListed + (opts.before?.problems ?? 0);
  await writeAudit({
    actorId: opts.actor.id,
    actorRole: opts.actor.role,
    action: 'basedata.import',
    target: `import:${importId}`,
    to: { districtId: opts.districtId, gridsCreated, sheets: c, problems: problemsTotal },
    at: done.finishedAt,
  });
  return done;
}

type Report = (p: Problem) => void;

/** pass 1: the 网格 sheet's unit paths, created where missing; returns the sheet names seen */
async function gridPass(
  source: BaseDataSource,
  tree: GridTree,
  c: SheetCounts,
  report: Report,
  tick: () => void,
  scope?: readonly string[],
) {
  const seen: string[] = [];
  const paths: PathNames[] = [];
  const rowsOf: number[] = [];
  const firstRow = new Map<string, number>();
  let columns: Record<string, number> | undefined;
  let headerOk = false;
  for await (const ev of source.read(new Set(['网格']))) {
    if (ev.kind === 'sheet') seen.push(ev.sheet);
    if (ev.kind === 'note') report({ sheet: ev.sheet, row: 0, column: '', value: '', problem: ev.message });
    if (ev.kind !== 'row') continue;
    if (!columns) {
      const h = mapHeaders('网格', ev.values);
      columns = h.columns;
      headerOk = !h.missing.length;
      for (const m of h.missing)
        report({ sheet: '网格', row: ev.row, column: m, value: '', problem: `缺少表头「${m}」` });
      continue;
    }
    if (!headerOk || isEmptyRow(ev.values)) continue;
    c.rows++;
    const parsed = parseGridRow(ev.row, ev.values, columns);
    if (!parsed.ok) {
      c.rejected++;
      parsed.problems.forEach(report);
      continue;
    }
    const key = parsed.record.join('/');
    const first = firstRow.get(key);
    if (first) {
      c.duplicate++;
      report({ sheet: '网格', row: ev.row, column: '单元', value: key, problem: `与第 ${first} 行重复，已忽略` });
      continue;
    }
    firstRow.set(key, ev.row);
    if (!(await pathInScope(tree, parsed.record, scope))) {
      c.rejected++;
      report({ sheet: '网格', row: ev.row, column: '单元', value: key, problem: outOfScope(key) });
      continue;
    }
    paths.push(parsed.record);
    rowsOf.push(ev.row);
  }
  const units = await tree.ensure(paths);
  units.forEach((u, i) => {
    if (typeof u === 'string') {
      c.rejected++;
      report({ sheet: '网格', row: rowsOf[i], column: '单元', value: paths[i].join('/'), problem: u });
    } else if (u.createdAt === tree.now) c.created++;
    else c.unchanged++;
  });
  tick();
  return seen;
}

interface Pending {
  sheet: '房屋' | '人口';
  row: number;
  data: BaseRow;
}

/** pass 2: 房屋, 人口, 网格员 in file order, rows landing in batches while the file streams */
async function dataPass(
  source: BaseDataSource,
  tree: GridTree,
  opts: ImportOptions,
  importId: string,
  sheets: Record<SheetName, SheetCounts>,
  reports: { report: Report; once: Report },
  tick: (sheet: string) => void,
): Promise<{ pausedAt?: number }> {
  const { report, once } = reports;
  const now = tree.now;
  const resumeAt = opts.resumeAt ?? 0;
  let handled = 0; // data rows read, earlier parts included
  let pausedAt: number | undefined;
  const batchSize = opts.batchSize ?? IMPORT_BATCH;
  const inFlight = limiter(4);
  const firstRow = new Map<string, { row: number; hash: string }>();
  let batch: Pending[] = [];
  let header: { sheet: SheetName; columns: Record<string, number>; ok: boolean } | undefined;
  const stamp = (rowHash: string) => ({ rowHash, importId, version: 1, createdAt: now, updatedAt: now });
  const audit = (old: Record<string, unknown>, r: BaseRow): AuditEntry => ({
    actorId: opts.actor.id,
    actorRole: opts.actor.role,
    action: 'basedata.update',
    target: r.kind === 'house' ? `house:${r.item.unitId}#${r.item.houseNo}` : `person:${r.item.id}`,
    ...changeOf(old, r.item as unknown as Record<string, unknown>),
    at: now,
  });
  const flush = async () => {
    const rows = batch;
    batch = [];
    if (!rows.length) return;
    await inFlight.run(async () => {
      const outcomes = await applyBaseRows(
        rows.map((r) => r.data),
        audit,
        deltaOf,
        now,
        // a building this run created holds nothing yet: its rows need no read (a first import)
        (r) => tree.madeNow.has(r.item.buildingId),
      );
      outcomes.forEach((o, i) => {
        const c = sheets[rows[i].sheet];
        if (o.status === 'failed') {
          c.rejected++;
          report({ sheet: rows[i].sheet, row: rows[i].row, column: '', value: '', problem: `写入失败：${o.error}` });
        } else c[o.status]++;
      });
      tick(rows[0].sheet);
    });
  };
  /** a unit path → the unit, or a problem on the row */
  const unitOf = async (sheet: SheetName, row: number, path: PathNames, report: Report) => {
    const u = await tree.find(path);
    if (typeof u === 'string') {
      report({ sheet, row, column: '单元', value: path.join('/'), problem: `${u}（请在「网格」表中添加该单元）` });
      return undefined;
    }
    if (!nodeInScope(u, opts.scope)) {
      report({ sheet, row, column: '单元', value: path.join('/'), problem: outOfScope(path.join('/')) });
      return undefined;
    }
    return u;
  };
  const duplicate = (sheet: SheetName, row: number, key: string, rowHash: string, what: string) => {
    const first = firstRow.get(key);
    if (!first) {
      firstRow.set(key, { row, hash: rowHash });
      return false;
    }
    if (replaying) return true; // an earlier part counted and reported it
    sheets[sheet].duplicate++;
    const problem =
      first.hash === rowHash
        ? `与第 ${first.row} 行重复，已忽略`
        : `与第 ${first.row} 行是同一${what}但内容不同，本行未导入`;
    report({ sheet, row, column: '', value: '', problem });
    return true;
  };

  let replaying = false;
  for await (const ev of source.read(new Set(['房屋', '人口', '网格员']))) {
    if (ev.kind === 'sheet') {
      header = undefined;
      continue;
    }
    if (ev.kind === 'note') {
      report({ sheet: ev.sheet, row: 0, column: '', value: '', problem: ev.message });
      continue;
    }
    const sheet = ev.sheet as SheetName;
    if (!header || header.sheet !== sheet) {
      const h = mapHeaders(sheet, ev.values);
      header = { sheet, columns: h.columns, ok: !h.missing.length };
      for (const m of h.missing) once({ sheet, row: ev.row, column: m, value: '', problem: `缺少表头「${m}」` });
      continue;
    }
    if (!header.ok || isEmptyRow(ev.values)) continue;
    if (handled > resumeAt && opts.deadline && batch.length === 0 && Date.now() >= opts.deadline) {
      pausedAt = handled; // at a batch boundary: every row before it has landed (or is a problem)
      break;
    }
    handled++;
    // rows an earlier part handled: only their duplicate keys are taken again (first row wins)
    replaying = handled <= resumeAt;
    const c = replaying ? counts() : sheets[sheet];
    const rep: Report = replaying ? () => undefined : report;
    c.rows++;
    if (sheet === '网格员') {
      if (replaying) continue; // a staff row is one transaction of its own: nothing to replay
      await flush();
      await inFlight.drain();
      await staffRow(ev.row, ev.values, header.columns, tree, opts, stamp, c, report, duplicate);
      continue;
    }
    const parsed =
      sheet === '房屋'
        ? parseHouseRow(ev.row, ev.values, header.columns)
        : parsePersonRow(ev.row, ev.values, header.columns);
    if (!parsed.ok) {
      c.rejected++;
      parsed.problems.forEach(rep);
      continue;
    }
    const unit = await unitOf(sheet, ev.row, parsed.record.path, rep);
    if (!unit) {
      c.rejected++;
      continue;
    }
    const place = { buildingId: unit.parentId!, unitId: unit.id, houseNo: parsed.record.houseNo, gridPath: unit.path };
    const { path: _path, ...fields } = parsed.record;
    void _path;
    const rowHash = rowHashOf(unit.id, fields);
    let data: BaseRow;
    if (sheet === '房屋') {
      if (duplicate(sheet, ev.row, `H|${unit.id}|${place.houseNo}`, rowHash, '房屋（同一单元、门牌号）')) continue;
      data = {
        kind: 'house',
        item: {
          ...place,
          ...(fields as unknown as Omit<HouseItem, keyof typeof place>),
          ...stamp(rowHash),
        } as HouseItem,
      };
    } else {
      const f = fields as unknown as Omit<PersonItem, 'id' | keyof typeof place>;
      const id = personId(unit.id, place.houseNo, f.idNumber);
      if (duplicate(sheet, ev.row, `P|${id}`, rowHash, '人（同一单元、门牌号、身份证号）')) continue;
      data = { kind: 'person', item: { id, ...place, ...f, ...stamp(rowHash) } as PersonItem };
    }
    if (replaying) continue;
    batch.push({ sheet: sheet as Pending['sheet'], row: ev.row, data });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await inFlight.drain();
  return { pausedAt };
}

async function staffRow(
  row: number,
  values: Cell[],
  columns: Record<string, number>,
  tree: GridTree,
  opts: ImportOptions,
  stamp: (h: string) => { rowHash: string; importId: string; version: number; createdAt: string; updatedAt: string },
  c: SheetCounts,
  report: Report,
  duplicate: (sheet: SheetName, row: number, key: string, rowHash: string, what: string) => boolean,
) {
  const parsed = parseStaffRow(row, values, columns);
  if (!parsed.ok) {
    c.rejected++;
    parsed.problems.forEach(report);
    return;
  }
  const r = parsed.record;
  if (opts.scope && outranks(r.role, opts.actor.role)) {
    c.rejected++;
    report({
      sheet: '网格员',
      row,
      column: '角色',
      value: r.roleName,
      problem: `不能导入高于本人级别的角色「${r.roleName}」`,
    });
    return;
  }
  const grids: GridItem[] = [];
  for (const p of r.gridPaths) {
    const g = await tree.find(p);
    if (typeof g === 'string') report({ sheet: '网格员', row, column: '负责网格', value: p.join('/'), problem: g });
    else if (!nodeInScope(g, opts.scope))
      report({ sheet: '网格员', row, column: '负责网格', value: p.join('/'), problem: outOfScope(p.join('/')) });
    else grids.push(g);
  }
  if (grids.length !== r.gridPaths.length) {
    c.rejected++;
    return;
  }
  const rowHash = hash(JSON.stringify({ ...r, grids: grids.map((g) => g.id) }));
  if (duplicate('网格员', row, `S|${r.phone}`, rowHash, '人（同一手机号）')) return;
  const id = staffUserId(r.phone);
  const user = { id, role: r.role, name: r.name, phone: r.phone, gridIds: grids.map((g) => g.id), duties: r.duties };
  try {
    const status = await applyStaff({ user: { ...user, ...stamp(rowHash) }, grids }, (old) => ({
      actorId: opts.actor.id,
      actorRole: opts.actor.role,
      action: old ? 'staff.update' : 'staff.create',
      target: `user:${id}`,
      ...changeOf(old ?? {}, user),
      at: stamp(rowHash).createdAt,
    }));
    c[status]++;
  } catch (e) {
    c.rejected++;
    report({ sheet: '网格员', row, column: '', value: '', problem: `写入失败：${(e as Error).message}` });
  }
}
