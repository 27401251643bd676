/** The district's 考核 weights: read by anyone assessing or assessed, set by the district (audited). */
import { DEFAULT_WEIGHTS, type AssessmentWeights } from '@gridlink/shared/centre';
import type { Actor } from '../../auth/actor';
import { getGridItems } from '../../data/grids';
import { getWeights, putWeights } from '../../data/assessment';
import { forbidden, versionConflict } from '../errors';

/** the district of the actor's first grid */
export async function districtOf(actor: Actor): Promise<string> {
  const g = actor.gridIds[0] && (await getGridItems([actor.gridIds[0]])).get(actor.gridIds[0]);
  if (!g) throw forbidden('您尚未分配网格');
  return g.path[0];
}

export async function weightsOf(districtId: string) {
  const w = await getWeights(districtId);
  return w
    ? {
        community: w.community,
        worker: w.worker,
        workerTargets: w.workerTargets,
        version: w.version,
        updatedAt: w.updatedAt,
        updatedBy: w.updatedBy,
      }
    : { ...DEFAULT_WEIGHTS, version: 0, updatedAt: null, updatedBy: null };
}

export async function readWeights(actor: Actor) {
  return weightsOf(await districtOf(actor));
}

export async function setWeights(actor: Actor, body: AssessmentWeights & { version?: number }, now: string) {
  if (actor.role !== 'district_admin') throw forbidden('只有区级管理员可以设置考核权重');
  const districtId = await districtOf(actor);
  const before = await getWeights(districtId);
  if (body.version !== undefined && body.version !== (before?.version ?? 0)) throw versionConflict();
  const ok = await putWeights(
    {
      districtId,
      community: body.community,
      worker: body.worker,
      workerTargets: body.workerTargets,
      version: (before?.version ?? 0) + 1,
      updatedAt: now,
      updatedBy: actor.name,
    },
    actor,
    before,
  );
  if (!ok) throw versionConflict();
  return weightsOf(districtId);
}
