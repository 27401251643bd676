/**
 * The notifier: drains the outbox. For each change it writes the in-app 消息 of every recipient and
 * sends a WeChat subscribe message to those with an openid — or, when a recipient has more than a few
 * notices in one window, ONE digest subscribe message for them (domain/notify-digest.ts; the in-app
 * messages are still written one by one, plus a digest line). Staff notices name grids
 * (`toGridStaff`): their staff are looked up here. Cloud: triggered by the table stream (and a
 * schedule as a safety net); local: a timer. Delivery outcome stays on the outbox item.
 */
import { config } from '../config';
import { wechatAccessToken as wechatToken } from '../auth/wechat';
import { getUser } from '../data/users';
import {
  claimOutbox,
  markSent,
  membersOfDepartment,
  pendingOutbox,
  staffOfGrid,
  writeDigestMessage,
  writeMessages,
  type OutboxItem,
} from '../data/messages';
import { OUTBOX_SHARDS } from '../data/outbox';
import { log } from '../util/log';
import { digestTitle, planSends } from './notify-digest';

/** Template ids per environment (WECHAT_TEMPLATE_<KEY>); the local emulator accepts any. */
const templateId = (key: string) => process.env[`WECHAT_TEMPLATE_${key.toUpperCase()}`] || `local-${key}`;

interface Outcome {
  sent: number;
  failed: number;
  reason?: string;
  digested: number;
}

async function subscribeSend(openid: string, template: string, page: string, title: string, body: string, at: string) {
  const url = new URL('/cgi-bin/message/subscribe/send', config.wechatBaseUrl);
  url.searchParams.set('access_token', await wechatToken());
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      touser: openid,
      template_id: templateId(template),
      page,
      data: {
        thing1: { value: title.slice(0, 20) },
        thing2: { value: body.slice(0, 20) },
        time3: { value: at.slice(0, 16).replace('T', ' ') },
      },
    }),
    signal: AbortSignal.timeout(5000),
  });
  const answer = (await res.json()) as { errcode?: number; errmsg?: string };
  if (answer.errcode) throw new Error(`${answer.errcode} ${answer.errmsg}`);
}

/** Everyone a notice goes to: its users and the staff of the grids it names (read once per drain). */
async function recipients(n: OutboxItem, staffOf: Map<string, Promise<string[]>>): Promise<string[]> {
  if (!n.toGridStaff?.length && !n.toDepartment) return n.userIds;
  const grids = n.toGridStaff ?? [];
  for (const g of grids) if (!staffOf.has(g)) staffOf.set(g, staffOfGrid(g));
  const dept = n.toDepartment ? `dept:${n.toDepartment}` : undefined;
  if (dept && !staffOf.has(dept)) staffOf.set(dept, membersOfDepartment(n.toDepartment!));
  const staff = (await Promise.all([...grids, ...(dept ? [dept] : [])].map((g) => staffOf.get(g)!))).flat();
  return [...new Set([...n.userIds, ...staff])];
}

/** One drain window: claim, write the in-app messages, then the subscribe messages per recipient. */
async function deliverAll(pending: OutboxItem[]) {
  const claimed: OutboxItem[] = [];
  for (const n of pending) if (await claimOutbox(n.id, Date.now())) claimed.push(n); // else another drain has it
  const outcome = new Map<string, Outcome>(claimed.map((n) => [n.id, { sent: 0, failed: 0, digested: 0 }]));
  const byUser = new Map<string, OutboxItem[]>();
  const staffOf = new Map<string, Promise<string[]>>();
  for (const n of claimed) {
    try {
      const users = await recipients(n, staffOf);
      await writeMessages({ ...n, userIds: users });
      for (const u of users) byUser.set(u, [...(byUser.get(u) ?? []), n]);
    } catch (e) {
      log('warn', 'notify failed', { id: n.id, err: (e as Error).message });
      outcome.delete(n.id);
    }
  }
  for (const [userId, notices] of byUser) {
    const user = await getUser(userId);
    const sends = planSends(notices, config.digestAbove, config.digestWindowMinutes);
    for (const s of sends) {
      const first = s.kind === 'one' ? s.notice : s.notices[0];
      if (s.kind === 'digest') {
        const title = digestTitle(s.notices.length);
        const body = s.notices.map((x) => x.title).join('；');
        await writeDigestMessage(userId, first, title, body, s.notices.length);
        s.notices.slice(1).forEach((x) => (outcome.get(x.id)!.digested += 1));
      }
      if (!user?.openid) continue; // seeded or offline users: in-app message only
      const o = outcome.get(first.id)!;
      try {
        if (s.kind === 'one')
          await subscribeSend(user.openid, first.template, first.page, first.title, first.body, first.at);
        else
          await subscribeSend(
            user.openid,
            'staff_task',
            '/pkg-staff/pages/inbox/index',
            digestTitle(s.notices.length),
            s.notices[s.notices.length - 1].title,
            s.notices[s.notices.length - 1].at,
          );
        o.sent++;
      } catch (e) {
        o.failed++;
        o.reason = (e as Error).message; // e.g. 43101: the user did not subscribe — not retried
      }
    }
  }
  const at = new Date().toISOString();
  for (const [id, o] of outcome) await markSent(id, o, at);
  return outcome.size;
}

/** Drains what is pending, a page per shard at a time (a few rounds at most: the next run takes the rest). */
export async function drainOutbox(rounds = 8): Promise<number> {
  let done = 0;
  for (let round = 0; round < rounds; round++) {
    const pending: OutboxItem[] = [];
    for (let shard = 0; shard < OUTBOX_SHARDS; shard++) pending.push(...(await pendingOutbox(shard)));
    if (!pending.length) break;
    const delivered = await deliverAll(pending);
    done += delivered;
    if (!delivered) break; // all claimed by another drain
  }
  return done;
}
