import type { Grid } from '@gridlink/shared/grid';
import { UNIT_ROLES } from '@gridlink/shared/roles';
import { getGrid, getGridNodes, listChildren } from '../data/grids';
import { actorUser, setUnit, type UnitChange } from '../data/users';
import { unitPersonsById, unitPersonsByPhone } from '../data/basedata';
import { maskIdNumber, maskPhone } from '@gridlink/shared/mask';
import { wechatPhoneNumber } from '../auth/wechat';
import { idNumberProblem } from './basedata/checks';
import type { PageRequest } from '../data/query';
import { badRequest, dependencyFailed, forbidden, notFound, versionConflict } from './errors';
import type { Actor } from '../auth/actor';
import { toMe } from './users';
import { checkUnitCode } from '../auth/unit-code';

/** The tree is public knowledge for any signed-in user (residents pick their unit in it). */
export async function readGrid(id: string): Promise<Grid> {
  const grid = await getGrid(id);
  if (!grid) throw notFound('网格不存在');
  return grid;
}

export async function readChildren(id: string, page: PageRequest) {
  const nodes = await getGridNodes([id]);
  if (!nodes.has(id)) throw notFound('网格不存在');
  return listChildren(id, page);
}

export async function readMe(actor: Actor) {
  const user = await actorUser(actor);
  if (!user) throw notFound('用户不存在');
  return toMe(user, actor.id);
}

export interface BindEvidence {
  /** the verification code of the unit's QR code */
  code?: string;
  /** 姓名 + 身份证号 as in the unit's imported population records (both or neither) */
  realName?: string;
  idNumber?: string;
  /** the code of WeChat's getPhoneNumber button */
  phoneCode?: string;
}

/** The persons of the unit's population records with this name and ID number; no answer tells which failed. */
async function householdMatches(unit: { id: string; parentId: string | null }, realName: string, idNumber: string) {
  if (!unit.parentId) return [];
  const persons = await unitPersonsById(unit.parentId, unit.id, idNumber);
  return persons.filter((p) => p.name.trim() === realName).map((p) => p.id);
}

/** WeChat's phone number for the button's code; a refused code is a 400 (the resident can tap again) */
async function phoneOf(phoneCode: string) {
  const phone = await wechatPhoneNumber(phoneCode).catch(() => {
    throw dependencyFailed('暂时无法获取微信手机号，请稍后重试或改用其他方式核验');
  });
  if (!phone) throw badRequest('微信手机号授权已失效，请重新点击获取', [{ path: 'phoneCode', message: '已失效' }]);
  return phone;
}

/**
 * A resident binds to a unit (picked in the tree or from the unit's QR code). With the code printed
 * in the building the binding is verified at once; so it is when 姓名 + 身份证号 match a person of the
 * unit in the imported population records, or when the phone number WeChat vouches for (getPhoneNumber)
 * is a person's 联系电话 there. Otherwise it is pending until a grid worker in scope
 * confirms it (domain/bindings.ts). A wrong code changes nothing; a household mismatch is pending,
 * answered exactly as without it (whether the person exists is not told).
 */
export async function bindUnit(actor: Actor, unitId: string, ev: BindEvidence, now: string) {
  if (!UNIT_ROLES.includes(actor.role)) throw forbidden('工作人员无需绑定单元');
  const { code } = ev;
  const idNumber = ev.idNumber?.trim().toUpperCase();
  const realName = ev.realName?.trim();
  const idProblem = idNumber !== undefined ? idNumberProblem(idNumber) : undefined;
  if (idProblem) throw badRequest(idProblem, [{ path: 'idNumber', message: idProblem }]);
  const unit = (await getGridNodes([unitId])).get(unitId);
  if (!unit) throw notFound('单元不存在');
  if (unit.level !== 'unit') throw badRequest('请选择到单元一级', [{ path: 'unitId', message: '不是单元' }]);
  const byCode = code !== undefined && (await checkUnitCode(unitId, code));
  if (code !== undefined && !byCode)
    throw badRequest('核验码不正确，请扫描楼栋内的单元二维码或联系网格员', [{ path: 'code', message: '核验码不正确' }]);
  const matched = !byCode && realName && idNumber ? await householdMatches(unit, realName, idNumber) : [];
  const byHousehold = matched.length > 0;
  const phone = !byCode && !byHousehold && ev.phoneCode ? await phoneOf(ev.phoneCode) : undefined;
  const byPhone =
    phone && unit.parentId ? (await unitPersonsByPhone(unit.parentId, unit.id, phone)).map((p) => p.id) : [];
  const verified = byCode || byHousehold || byPhone.length > 0;
  const user = await actorUser(actor);
  if (!user) throw notFound('用户不存在');
  const wasVerified = user.unitVerified === true;
  if (user.unitId === unitId && (wasVerified || !verified)) return toMe(user, actor.id);
  const previous = user.unitId ? (await getGridNodes([user.unitId])).get(user.unitId) : undefined;
  const change: UnitChange = {
    unitId,
    path: unit.path,
    unitName: unit.pathNames.slice(3).join(' '),
    verified,
    ...(byCode ? { method: 'code' as const } : {}),
    ...(byHousehold ? { method: 'household' as const, evidence: maskIdNumber(idNumber!) } : {}),
    ...(byPhone.length ? { method: 'phone' as const, evidence: maskPhone(phone!) } : {}),
    ...(previous ? { previousPath: previous.path } : {}),
    ...(byHousehold ? { personIds: matched } : byPhone.length ? { personIds: byPhone } : {}),
  };
  if (!(await setUnit(user, change, actor.role, now))) throw versionConflict();
  return toMe({ ...user, unitId, unitVerified: verified, version: user.version + 1, updatedAt: now }, actor.id);
}
