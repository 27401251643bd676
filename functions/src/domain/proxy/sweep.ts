/** Tasks nobody claimed by their deadline alert the community (once): an outbox notice to its staff. */
import { table } from '../../data/client';
import { getGrid } from '../../data/grids';
import { keys } from '../../data/keys';
import { OUTBOX_SHARDS, outboxPut } from '../../data/outbox';
import { dueOpenTasks } from '../../data/proxy';
import { transact } from '../../data/requests';

export async function alertUnclaimed(now = new Date().toISOString()) {
  let alerted = 0;
  for (let shard = 0; shard < OUTBOX_SHARDS; shard++) {
    for (const t of await dueOpenTasks(shard, now)) {
      const community = await getGrid(t.communityId);
      const staff = (community?.staff ?? []).map((s) => s.userId);
      try {
        await transact([
          {
            Update: {
              TableName: table(),
              Key: keys.proxyTask(t.id),
              UpdateExpression: 'SET unclaimedAlerted = :t REMOVE GSI3PK, GSI3SK',
              ConditionExpression: '#s = :open AND version = :v',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':t': true, ':open': 'open', ':v': t.version },
            },
          },
          outboxPut({
            userIds: staff.length ? staff : [t.requesterId],
            template: 'proxy_task',
            title: '代办任务超时无人认领',
            body: `${t.recipientName.slice(0, 1)}**的代办：${t.description.slice(0, 12)}`,
            page: `/pkg-proxy/pages/task/index?id=${t.id}`,
            at: now,
          }),
        ]);
        alerted++;
      } catch (e) {
        if ((e as Error).name !== 'TransactionCanceledException') throw e;
      }
    }
  }
  return alerted;
}
