/**
 * The households of a building for the grid staff who serve it (issue 13): 房屋 with 住户 and
 * 特殊人群 tags, masked; one person's full values only on an explicit 查看 (?full=1), audited as
 * `pii.read` in the same request (PIPL: the reader, the person, when).
 */
import { maskIdNumber, maskName, maskPhone } from '@gridlink/shared/mask';
import type { Household, HouseholdPerson } from '@gridlink/shared/basedata';
import { inScope } from '../../auth/policy';
import type { Actor } from '../../auth/actor';
import { writeAudit } from '../../data/audit';
import { buildingHouseholds, getPerson, type PersonItem } from '../../data/basedata';
import { getGridNodes } from '../../data/grids';
import { forbidden, notFound } from '../errors';

export const STAFF = ['grid_worker', 'grid_leader', 'community_admin', 'street_admin', 'district_admin'];

export async function building(actor: Actor, id: string) {
  const g = (await getGridNodes([id])).get(id);
  if (!g) throw notFound('网格不存在');
  if (g.level !== 'building') throw notFound('住户按楼栋查看：请选择楼栋');
  if (!STAFF.includes(actor.role) || !inScope(actor, g.path)) throw forbidden('只能查看自己负责网格的住户');
  return g;
}

export function personView(p: PersonItem, full: boolean): HouseholdPerson {
  return {
    id: p.id,
    name: full ? p.name : maskName(p.name),
    gender: p.gender,
    birthYear: p.birthDate.slice(0, 4),
    ...(p.phone ? { phone: full ? p.phone : maskPhone(p.phone) } : {}),
    idNumber: full ? p.idNumber : maskIdNumber(p.idNumber),
    ...(p.relation ? { relation: p.relation } : {}),
    personType: p.personType,
    tags: p.tags ?? [],
    masked: !full,
    version: p.version,
    ...(p.status === 'moved_out' ? { movedOutAt: p.movedOutAt, movedOutTo: p.movedOutTo } : {}),
  };
}

/** One Query of the building's partition, grouped by unit and 门牌号 (persons without a 房屋 row too). */
export async function readHouseholds(actor: Actor, buildingId: string) {
  await building(actor, buildingId);
  const { houses, persons } = await buildingHouseholds(buildingId);
  const byKey = new Map<string, Household>();
  const key = (unitId: string, houseNo: string) => `${unitId}#${houseNo}`;
  for (const h of houses)
    byKey.set(key(h.unitId, h.houseNo), {
      unitId: h.unitId,
      houseNo: h.houseNo,
      use: h.use,
      ...(h.area !== undefined ? { area: h.area } : {}),
      residents: [],
    });
  for (const p of persons) {
    if (p.status === 'moved_out') continue; // 迁出: kept for the record, not a resident
    const k = key(p.unitId, p.houseNo);
    if (!byKey.has(k)) byKey.set(k, { unitId: p.unitId, houseNo: p.houseNo, residents: [] });
    byKey.get(k)!.residents.push(personView(p, false));
  }
  const items = [...byKey.values()].sort((a, b) =>
    a.unitId === b.unitId ? a.houseNo.localeCompare(b.houseNo, 'zh') : a.unitId.localeCompare(b.unitId),
  );
  return { buildingId, items };
}

/** One person; `full` unmasks and writes the pii.read audit record before answering. */
export async function readPerson(actor: Actor, buildingId: string, personId: string, full: boolean, now: string) {
  await building(actor, buildingId);
  const p = await getPerson(buildingId, personId);
  if (!p) throw notFound('没有这个人员');
  if (full)
    await writeAudit({
      actorId: actor.id,
      actorRole: actor.role,
      action: 'pii.read',
      target: `person:${p.id}`,
      to: { buildingId, fields: ['name', 'phone', 'idNumber'] },
      at: now,
    });
  return personView(p, full);
}
