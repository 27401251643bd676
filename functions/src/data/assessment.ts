/** The district's 考核 weights (one config item) and the precomputed public scoreboard (one item). */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AssessmentWeights, Scoreboard } from '@gridlink/shared/centre';
import { auditPut } from './audit';
import { db, table } from './client';
import { fromItem } from './item';
import { keys } from './keys';
import { isConditionFailure, transact } from './transact';

export type WeightsItem = AssessmentWeights & {
  districtId: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
};

export async function getWeights(districtId: string): Promise<WeightsItem | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.assessmentWeights(districtId) }));
  return Item ? fromItem<WeightsItem>(Item) : undefined;
}

/** Put the weights at the next version (conditional on the version read) with its audit record. */
export async function putWeights(w: WeightsItem, actor: { id: string; role: string }, before?: WeightsItem) {
  try {
    await transact([
      {
        Put: {
          TableName: table(),
          Item: { ...keys.assessmentWeights(w.districtId), type: 'assessment_weights', ...w },
          ConditionExpression: before ? 'version = :v' : 'attribute_not_exists(PK)',
          ...(before ? { ExpressionAttributeValues: { ':v': before.version } } : {}),
        },
      },
      auditPut({
        actorId: actor.id,
        actorRole: actor.role,
        action: 'assessment.weights',
        target: `assessment:${w.districtId}`,
        from: before
          ? { community: before.community, worker: before.worker, workerTargets: before.workerTargets }
          : null,
        to: { community: w.community, worker: w.worker, workerTargets: w.workerTargets },
        at: w.updatedAt,
      }),
    ]);
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

export type ScoreboardItem = Scoreboard & { districtId: string };

export async function getScoreboard(districtId: string): Promise<ScoreboardItem | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: keys.scoreboard(districtId) }));
  return Item ? fromItem<ScoreboardItem>(Item) : undefined;
}

/** The job's result replaces the one item (a re-run the same day writes the same figures). */
export async function putScoreboard(s: ScoreboardItem) {
  await transact([
    { Put: { TableName: table(), Item: { ...keys.scoreboard(s.districtId), type: 'scoreboard', ...s } } },
  ]);
}
