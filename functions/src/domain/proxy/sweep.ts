/**
 * Tasks nobody claimed by their deadline alert the community (once): an outbox notice to its staff.
 * Not a move (the task stays open): a marker and a notice in one transaction; a task claimed
 * meanwhile is skipped.
 */
import { getGrid } from '../../data/grids';
import { OUTBOX_SHARDS, outboxPut } from '../../data/outbox';
import { dueOpenTasks, unclaimedAlertedUpdate } from '../../data/proxy';
import { run } from '../workflow/kernel';
import { sweep } from '../workflow/sweep';

export function alertUnclaimed(now = new Date().toISOString()) {
  return sweep(
    OUTBOX_SHARDS,
    (shard) => dueOpenTasks(shard, now),
    async (t) => {
      const community = await getGrid(t.communityId);
      const staff = (community?.staff ?? []).map((s) => s.userId);
      await run({
        items: [
          unclaimedAlertedUpdate(t),
          outboxPut({
            userIds: staff.length ? staff : [t.requesterId],
            template: 'proxy_task',
            title: '代办任务超时无人认领',
            body: `${t.recipientName.slice(0, 1)}**的代办：${t.description.slice(0, 12)}`,
            page: `/pkg-proxy/pages/task/index?id=${t.id}`,
            at: now,
          }),
        ],
      });
    },
  );
}
