import { table } from './client';
import { keys } from './keys';
import { newId } from './ids';

export const OUTBOX_SHARDS = 4;
export const shardOf = (id: string) => [...id].reduce((a, c) => (a + c.charCodeAt(0)) % 997, 0) % OUTBOX_SHARDS;

export interface Notice {
  /** who hears about it */
  userIds: string[];
  /** subscribe-message template key (configured per environment) */
  template: 'request_status' | 'callback' | 'application_status' | 'proxy_task' | 'case_status' | 'staff_task';
  title: string;
  body: string;
  /** mini-program page to open */
  page: string;
  at: string;
  /** staff told by the grids they serve (resolved when the notice is drained: the grid's staffIds) */
  toGridStaff?: string[];
  /** the members of a department (those who opened its 待办), resolved when drained */
  toDepartment?: string;
}

/** One outbox item per change, in the change's transaction; the notifier fans it out later. */
export function outboxPut(n: Notice) {
  const id = newId(Date.parse(n.at));
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.outbox(id), ...keys.outboxPending(shardOf(id), n.at, id), type: 'outbox', id, ...n, attempts: 0 },
    },
  };
}
