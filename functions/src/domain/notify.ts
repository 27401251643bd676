/**
 * The notifier: drains the outbox. For each change it writes the in-app 消息 of every recipient and
 * sends a WeChat subscribe message to those with an openid. Cloud: triggered by the table stream
 * (and a schedule as a safety net); local: a timer. Delivery outcome stays on the outbox item.
 */
import { config } from '../config';
import { wechatAccessToken as wechatToken } from '../auth/wechat';
import { getUser } from '../data/users';
import { claimOutbox, markSent, pendingOutbox, writeMessages, type OutboxItem } from '../data/messages';
import { OUTBOX_SHARDS } from '../data/outbox';
import { log } from '../util/log';

/** Template ids per environment (WECHAT_TEMPLATE_<KEY>); the local emulator accepts any. */
const templateId = (key: string) => process.env[`WECHAT_TEMPLATE_${key.toUpperCase()}`] || `local-${key}`;

async function deliver(n: OutboxItem) {
  if (!(await claimOutbox(n.id, Date.now()))) return; // another drain has it
  await writeMessages(n);
  let sent = 0;
  let failed = 0;
  let reason: string | undefined;
  for (const userId of n.userIds) {
    const user = await getUser(userId);
    if (!user?.openid) continue; // seeded or offline users: in-app message only
    try {
      const url = new URL('/cgi-bin/message/subscribe/send', config.wechatBaseUrl);
      url.searchParams.set('access_token', await wechatToken());
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          touser: user.openid,
          template_id: templateId(n.template),
          page: n.page,
          data: {
            thing1: { value: n.title.slice(0, 20) },
            thing2: { value: n.body.slice(0, 20) },
            time3: { value: n.at.slice(0, 16).replace('T', ' ') },
          },
        }),
        signal: AbortSignal.timeout(5000),
      });
      const body = (await res.json()) as { errcode?: number; errmsg?: string };
      if (body.errcode) throw new Error(`${body.errcode} ${body.errmsg}`);
      sent++;
    } catch (e) {
      failed++;
      reason = (e as Error).message; // e.g. 43101: the user did not subscribe — not retried
    }
  }
  await markSent(n.id, { sent, failed, reason }, new Date().toISOString());
}

export async function drainOutbox(): Promise<number> {
  let done = 0;
  for (let shard = 0; shard < OUTBOX_SHARDS; shard++) {
    for (const n of await pendingOutbox(shard)) {
      try {
        await deliver(n);
        done++;
      } catch (e) {
        log('warn', 'notify failed', { id: n.id, err: (e as Error).message });
      }
    }
  }
  return done;
}
