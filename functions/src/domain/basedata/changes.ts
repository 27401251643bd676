/**
 * A grid worker records a change of the population base data from the mini-program (issue 13):
 * 迁入 (a new resident of a house), 信息变更 (phone, 人员类型, 特殊人群 …) and 迁出 (kept for the
 * record, out of the household, the counts and the search). Each is one write at the version read
 * with its audit record (changed values masked) and the unit's counters moved in the same
 * transaction (data/persons.ts); a repeat of the same change changes nothing. Values are checked by
 * the import's own row check (rows.ts parsePersonRow), not a second copy.
 */
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/policy';
import { getPerson, type PersonItem } from '../../data/basedata';
import { getGridNodes } from '../../data/grids';
import { bindingsOfPerson, writePerson } from '../../data/persons';
import { badRequest, conflict, forbidden, notFound, versionConflict } from '../errors';
import { deltaOf } from './counts';
import { building, personView, STAFF } from './households';
import { personId, rowHashOf } from './identity';
import { changeOf } from './import';
import { parsePersonRow, type PersonRecord } from './rows';
import { SHEETS } from './schema';

const FIELD: Record<string, string> = {
  门牌号: 'houseNo',
  姓名: 'name',
  性别: 'gender',
  公民身份号码: 'idNumber',
  出生日期: 'birthDate',
  联系电话: 'phone',
  与户主关系: 'relation',
  人员类型: 'personType',
  特殊人群: 'tags',
};
const COLUMNS = Object.fromEntries(SHEETS.人口.map((h, i) => [h, i]));

export interface PersonFields {
  houseNo: string;
  name: string;
  idNumber: string;
  gender?: string;
  birthDate?: string;
  phone?: string;
  relation?: string;
  personType: string;
  tags: string[];
}

/** the fields as one 人口 row of the unit, checked as the import checks it */
function checked(pathNames: string[], f: PersonFields): Omit<PersonRecord, 'path'> {
  const cells: Record<string, string> = {
    门牌号: f.houseNo,
    姓名: f.name,
    性别: f.gender ?? '',
    公民身份号码: f.idNumber,
    出生日期: f.birthDate ?? '',
    联系电话: f.phone ?? '',
    与户主关系: f.relation ?? '',
    人员类型: f.personType,
    特殊人群: f.tags.join(';'),
  };
  const values = SHEETS.人口.map((h, i) => (i < pathNames.length ? pathNames[i] : (cells[h] ?? '')));
  const parsed = parsePersonRow(0, values, COLUMNS);
  if (!parsed.ok)
    throw badRequest(
      parsed.problems.map((p) => `${p.column}：${p.problem}`).join('；'),
      parsed.problems.map((p) => ({ path: FIELD[p.column] ?? p.column, message: p.problem })),
    );
  const { path: _path, ...fields } = parsed.record;
  void _path;
  return fields;
}

const audit = (actor: Actor, action: string, p: PersonItem, change: object, now: string) => ({
  actorId: actor.id,
  actorRole: actor.role,
  action,
  target: `person:${p.id}`,
  ...change,
  at: now,
});

const recordOf = (p: PersonItem) => p as unknown as Record<string, unknown>;

async function unitInScope(actor: Actor, unitId: string) {
  const unit = (await getGridNodes([unitId])).get(unitId);
  if (!unit) throw notFound('单元不存在');
  if (unit.level !== 'unit') throw badRequest('请选择到单元一级', [{ path: 'id', message: '不是单元' }]);
  if (!STAFF.includes(actor.role) || !inScope(actor, unit.path)) throw forbidden('只能登记自己负责网格的人员');
  return unit;
}

/** 迁入: a new person in a house of the unit (or one who had moved out, back again). */
export async function moveIn(actor: Actor, unitId: string, body: PersonFields & { movedInAt?: string }, now: string) {
  const unit = await unitInScope(actor, unitId);
  const fields = checked(unit.pathNames.slice(1), body);
  const buildingId = unit.parentId!;
  const id = personId(unit.id, fields.houseNo, fields.idNumber);
  const rowHash = rowHashOf(unit.id, fields);
  const before = await getPerson(buildingId, id);
  if (before && before.status !== 'moved_out') {
    if (before.rowHash === rowHash) return personView(before, false); // the same 迁入 again
    throw conflict('该人员已登记在此户；信息有变请用“信息变更”');
  }
  const after: PersonItem = {
    id,
    buildingId,
    unitId: unit.id,
    gridPath: unit.path,
    ...fields,
    rowHash,
    importId: `movein:${actor.id}`,
    version: (before?.version ?? 0) + 1,
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
    ...(body.movedInAt ? { movedInAt: body.movedInAt } : {}),
  };
  const change = changeOf(before ? recordOf(before) : {}, recordOf(after));
  const ok = await writePerson({
    before,
    after,
    deltas: deltaOf('person', before, after),
    audit: audit(actor, 'basedata.movein', after, change, now),
    now,
  });
  if (!ok) throw versionConflict();
  return personView(after, false);
}

async function current(actor: Actor, buildingId: string, pid: string) {
  await building(actor, buildingId);
  const p = await getPerson(buildingId, pid);
  if (!p) throw notFound('没有这个人员');
  return p;
}

export type PersonChange = Partial<Pick<PersonFields, 'name' | 'phone' | 'relation' | 'personType' | 'tags'>> & {
  version: number;
};

/** 信息变更 of the fields given; the same values again change nothing. */
export async function changePerson(actor: Actor, buildingId: string, pid: string, body: PersonChange, now: string) {
  const before = await current(actor, buildingId, pid);
  if (before.status === 'moved_out') throw conflict('该人员已迁出，不能变更；如已迁回请登记迁入');
  const { version, ...given } = body;
  const unit = (await getGridNodes([before.unitId])).get(before.unitId);
  if (!unit) throw notFound('单元不存在');
  const fields = checked(unit.pathNames.slice(1), { ...before, ...given });
  const after: PersonItem = { ...before, ...fields, version: before.version + 1, updatedAt: now };
  const change = changeOf(recordOf(before), {
    ...recordOf(after),
    version: before.version,
    updatedAt: before.updatedAt,
  });
  if (!Object.keys(change.to).length) return personView(before, false);
  if (version !== before.version) throw versionConflict();
  // the rowHash stays: re-importing the file this person came from does not undo the change
  const ok = await writePerson({
    before,
    after,
    deltas: deltaOf('person', before, after),
    audit: audit(actor, 'basedata.update', after, change, now),
    now,
  });
  if (!ok) throw versionConflict();
  return personView(after, false);
}

export interface MoveOut {
  version: number;
  date: string;
  destination: string;
  note?: string;
}

/**
 * 迁出: the person is kept, marked moved out (date, destination); the counts drop in the same
 * transaction, and a resident whose verified binding matched this person loses that binding.
 */
export async function moveOut(actor: Actor, buildingId: string, pid: string, body: MoveOut, now: string) {
  const before = await current(actor, buildingId, pid);
  if (before.status === 'moved_out') {
    if (before.movedOutAt === body.date && before.movedOutTo === body.destination) return personView(before, false);
    throw conflict('该人员已迁出');
  }
  if (body.version !== before.version) throw versionConflict();
  const after: PersonItem = {
    ...before,
    status: 'moved_out',
    movedOutAt: body.date,
    movedOutTo: body.destination,
    ...(body.note ? { movedOutNote: body.note } : {}),
    version: before.version + 1,
    updatedAt: now,
  };
  const bindings = (await bindingsOfPerson(pid)).filter((b) => b.unitId === before.unitId);
  const ok = await writePerson({
    before,
    after,
    deltas: deltaOf('person', before, after),
    audit: audit(
      actor,
      'basedata.moveout',
      after,
      {
        from: { status: 'current' },
        to: { status: 'moved_out', movedOutAt: body.date, bindingsEnded: bindings.length },
      },
      now,
    ),
    endBindings: bindings,
    now,
  });
  if (!ok) throw versionConflict();
  return personView(after, false);
}
