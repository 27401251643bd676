/** The proxy-task workflow bound to its storage: every change to a task goes through the kernel. */
import { ACCESS_WINDOW, PROXY_WORKFLOW } from '@gridlink/shared/workflows/proxy';
import type { Actor } from '../../auth/actor';
import { liveTaskDelete, liveTaskPut, taskEventPut, taskForPut, taskPut, type ProxyTaskItem } from '../../data/proxy';
import type { Binding } from '../workflow/kernel';
import { isSide } from './access';

export type ProxyMove = keyof typeof PROXY_WORKFLOW.moves;

/** the agent's access window: the live-task pointer exists exactly while the task is in it */
const LIVE: readonly string[] = ACCESS_WINDOW;

export const PROXY_BINDING: Binding<ProxyTaskItem> = {
  workflow: PROXY_WORKFLOW,
  put: (after, expected) => taskPut(after, expected as { version: number; status: ProxyTaskItem['status'] }),
  eventPut: (after, e) => taskEventPut(after.id, e as Parameters<typeof taskEventPut>[1]),
  gridPath: (t) => t.gridPath,
  counterPrefix: 'proxy',
  openCounter: false, // `proxy_open` counts the state 'open' (待认领)
  notice: ({ after, before, actor, note, label }) =>
    before
      ? {
          userIds: [
            ...new Set([after.requesterId, after.recipientId, ...(after.agentId ? [after.agentId] : [])]),
          ].filter((u) => u !== actor.id),
          template: 'proxy_task',
          title: `代办：${PROXY_WORKFLOW.stateNames[after.status]}`,
          body: note ?? label,
          page: `/pkg-proxy/pages/task/index?id=${after.id}`,
        }
      : undefined,
  // the live-task pointer opens the agent's access window while the task is claimed … done
  derived: ({ before, after }) => {
    const items: unknown[] = [];
    if (!before && after.recipientId !== after.requesterId) items.push(taskForPut(after));
    const was = !!before && LIVE.includes(before.status);
    const is = LIVE.includes(after.status);
    if (!was && is) items.push(liveTaskPut(after));
    if (was && !is) items.push(liveTaskDelete(before!));
    return items;
  },
};

/** What the actor is to this task: an agent of its community, its assignee, or on the recipient's side. */
export async function proxyRelations(actor: Actor, t: ProxyTaskItem, move: ProxyMove) {
  const as: string[] = [];
  if (actor.role === 'agent' && actor.gridIds.includes(t.communityId)) as.push('agent');
  if (t.agentId && t.agentId === actor.id) as.push('assignee');
  if (await isSide(actor, t)) as.push('side');
  const by = PROXY_WORKFLOW.moves[move].by as readonly string[];
  const refusal = by.includes('agent')
    ? actor.role === 'agent'
      ? '该任务不在您服务的社区'
      : '只有红色代办员可以认领'
    : by.includes('assignee')
      ? '只有认领该任务的代办员可以操作'
      : '只有提出人、本人、家属或网格员可以操作';
  return { as, refusal };
}
