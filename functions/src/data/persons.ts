/**
 * A grid worker's writes of one person (迁入 / 信息变更 / 迁出, issue 13) and the search of a
 * community's current residents. Each write is one transaction: the person at the version read,
 * the unit's counters moved by the change (data/population.ts), the audit record, and for a 迁出
 * the end of the bindings that matched the person.
 */
import { keys } from './keys';
import { table } from './client';
import { auditPut, type AuditEntry } from './audit';
import { baseItem, type PersonItem } from './basedata';
import { getMany } from './batch';
import { fromItem } from './item';
import { popUpdates, searchText, transactRetrying } from './population';
import { queryMerged, queryPage, type PageRequest } from './query';
import type { Deltas } from './stats';
import { isConditionFailure } from './transact';

export interface PersonWrite {
  /** the stored person as read (undefined: a new one) */
  before?: PersonItem;
  after: PersonItem;
  deltas: Deltas;
  audit: AuditEntry;
  /** residents whose verified binding to the person's unit ends with this write (迁出) */
  endBindings?: { userId: string; version: number }[];
  now: string;
}

/** One transaction; false when the person moved on since it was read (version) or exists already. */
export async function writePerson(w: PersonWrite): Promise<boolean> {
  const { status, movedOutAt, movedOutTo, movedOutNote, ...rest } = w.after;
  const kept = { status, movedOutAt, movedOutTo, movedOutNote };
  const item = baseItem(
    { kind: 'person', item: rest as PersonItem },
    Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== undefined)),
  );
  const ops: unknown[] = [
    {
      Put: {
        TableName: table(),
        Item: item,
        ...(w.before
          ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': w.before.version } }
          : { ConditionExpression: 'attribute_not_exists(PK)' }),
      },
    },
    ...popUpdates(w.after.gridPath, w.deltas, w.now),
    auditPut(w.audit),
  ];
  for (const b of w.endBindings ?? []) {
    ops.push({
      Update: {
        TableName: table(),
        Key: keys.user(b.userId),
        UpdateExpression:
          'SET updatedAt = :now, version = version + :one REMOVE unitId, unitVerified, unitVerifiedBy, boundPersonIds',
        ConditionExpression: 'version = :bv AND unitId = :u',
        ExpressionAttributeValues: { ':now': w.now, ':one': 1, ':bv': b.version, ':u': w.after.unitId },
      },
    });
    ops.push({ Delete: { TableName: table(), Key: keys.personBinding(w.after.id, b.userId) } });
    ops.push(
      auditPut({
        actorId: w.audit.actorId,
        actorRole: w.audit.actorRole,
        action: 'user.unbindUnit',
        target: `user:${b.userId}`,
        from: w.after.unitId,
        to: null,
        method: 'basedata.moveout',
        at: w.now,
      }),
    );
  }
  try {
    await transactRetrying(ops);
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** The users whose verified binding matched this person (PBIND pointers), with their versions. */
export async function bindingsOfPerson(personId: string) {
  const page = await queryPage({ pk: keys.personBindingPk(personId) }, { limit: 50 }, (i) => i.userId as string);
  const users = await getMany(page.items.map((u) => keys.user(u)));
  return users.map((u) => ({
    userId: u.id as string,
    unitId: u.unitId as string | undefined,
    version: u.version as number,
  }));
}

/**
 * One page of a community's current residents whose name (GSI1) or 门牌号 (GSI2) starts with `q`,
 * filtered to the reader's grids (`within`) when they lie below the community.
 */
/** the search index of one community or several (a street: one page merged in key order) */
export function searchCommunities(
  communityIds: readonly string[],
  by: 'name' | 'houseNo',
  q: string,
  within: string[],
  page: PageRequest,
) {
  const values = Object.fromEntries(within.map((g, i) => [`:w${i}`, g]));
  const filter = within.length
    ? {
        FilterExpression: within.map((_, i) => `contains(gridPath, :w${i})`).join(' OR '),
        ExpressionAttributeValues: values,
      }
    : undefined;
  const skBeginsWith = `${by === 'name' ? 'N' : 'H'}#${searchText(q)}`;
  return queryMerged(
    {
      index: by === 'name' ? 'GSI1' : 'GSI2',
      sources: communityIds.map((c) => ({ pk: keys.personSearchPk(c), skBeginsWith, ...(filter ? { filter } : {}) })),
    },
    page,
    (i) => fromItem<PersonItem>(i),
  );
}
