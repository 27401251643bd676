/**
 * WeChat content security for what others see: request descriptions, rating comments and the
 * staff's public summary go through msgSecCheck v2, photos through mediaCheckAsync (the verdict is
 * pushed later to POST /wechat/push). Checks are queued in the write's own transaction and run by
 * the jobs worker (cloud: the table stream, a schedule for retries; local: before each API request
 * and on the workers' timer), never in the write path. A failed call leaves the field pending and
 * retries later: nothing is ever published unchecked. Until every field passes, an item is visible
 * to its author and the staff who must act only (isPublishable); a rejected one is hidden with a
 * reason, and its author gets a 消息.
 */
import { categoryByCode } from '@gridlink/shared/request-categories';
import { timingSafeEqual } from 'node:crypto';
import { mediaCheckAsync, msgSecCheck, pushSignature, WechatTransientError, type SecScene } from '../auth/wechat';
import { secret } from '../auth/secrets';
import { newId } from '../data/ids';
import {
  MOD_SHARDS,
  claimCheck,
  dueChecks,
  getCheck,
  getTrace,
  modCheckPut,
  putTrace,
  saveCheck,
  setMediaVerdict,
  verdictUpdates,
  type ModCheck,
  type ModField,
  type Moderation,
  type Verdict,
} from '../data/moderation';
import { getRequest, type RequestItem } from '../data/requests';
import { outboxPut } from '../data/outbox';
import { getUser } from '../data/users';
import { isConditionFailure, transact } from '../data/transact';
import { attachmentLinks } from './uploads';
import { DomainError } from './errors';
import { log } from '../util/log';

export type { Moderation, Verdict } from '../data/moderation';

/** May people other than the author and the staff who act see it (joiners, 我也遇到, the public feed)? */
export function isPublishable(item: { moderation?: Moderation }): boolean {
  return item.moderation?.text === 'pass' && item.moderation.media === 'pass';
}

/** The rating comment may be shown to others (joiners) only once it passed. */
export const ratingCommentPublishable = (item: { moderation?: Moderation }) => item.moderation?.rating === 'pass';

/** What the public reads about a request: the approved summary, else a category-level line. */
export function publicDescription(r: Pick<RequestItem, 'categoryName' | 'category' | 'approvedSummary'>) {
  if (r.approvedSummary?.status === 'pass') return r.approvedSummary.text;
  return `居民反映：${r.categoryName || categoryByCode(r.category)?.name || r.category}`;
}

/** WeChat's label numbers (msgSecCheck / mediaCheckAsync v2) as the reason shown to the author */
const LABELS: Record<number, string> = {
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他不当内容',
};
const reasonOf = (field: ModField, verdict: Verdict, label?: number) => {
  if (verdict === 'pass' || verdict === 'pending') return undefined;
  const what =
    field === 'media' ? '图片' : field === 'rating' ? '评价内容' : field === 'summary' ? '公开摘要' : '诉求描述';
  if (verdict === 'review') return `${what}待人工复核，暂不对他人展示`;
  return `${what}未通过内容安全检查（${(label && LABELS[label]) || '不当内容'}），已对他人隐藏`;
};

const config = {
  /** first retry after a failed call (doubles, at most 5 minutes); the local stack uses 0 */
  get retryMs() {
    return Number(process.env.MODERATION_RETRY_MS ?? 15_000);
  },
  /** a written verdict is read back after this long (a racing move may have put the old state back) */
  get verifyMs() {
    return Number(process.env.MODERATION_VERIFY_MS ?? 60_000);
  },
  /** media checks with no pushed verdict after this long are submitted again */
  waitMs: 30 * 60_000,
};
const later = (now: number, ms: number) => new Date(now + ms).toISOString();

const SCENE: Record<ModField, SecScene> = { text: 3, summary: 3, rating: 2, media: 3 };

/** The state a new request starts in, and its checks (for the create transaction). */
export function checksForNewRequest(r: RequestItem, now: string) {
  const moderation: Moderation = {
    text: r.description ? 'pending' : 'pass',
    media: r.attachments.length ? 'pending' : 'pass',
  };
  const puts: unknown[] = [];
  if (r.description) puts.push(checkPut(r, 'text', now, { content: r.description }, r.reporterId));
  if (r.attachments.length) puts.push(checkPut(r, 'media', now, { media: [...r.attachments] }, r.reporterId));
  return { moderation, puts };
}

export function checkPut(
  r: Pick<RequestItem, 'id' | 'createdAt'>,
  field: ModField,
  now: string,
  what: { content?: string; media?: string[]; ref?: string },
  userId: string,
) {
  return modCheckPut({
    id: newId(Date.parse(now)),
    field,
    requestId: r.id,
    requestCreatedAt: r.createdAt,
    userId,
    ...(what.content !== undefined ? { content: what.content } : {}),
    ...(what.media ? { media: what.media } : {}),
    ...(what.ref ? { ref: what.ref } : {}),
    scene: SCENE[field],
    state: 'check',
    attempts: 0,
    nextAt: now,
    traces: {},
    verdicts: {},
  });
}

const currentVerdict = (r: RequestItem | undefined, c: ModCheck): Verdict | 'gone' => {
  if (!r) return 'gone';
  if (c.field === 'summary')
    return r.approvedSummary && r.approvedSummary.at === c.ref ? r.approvedSummary.status : 'gone';
  return r.moderation ? (r.moderation[c.field] ?? 'pending') : 'gone';
};

/** Writes a verdict (request, feed item, and a 消息 to the author when rejected); then verifies it later. */
async function apply(c: ModCheck, verdict: Verdict, label: number | undefined, nowMs: number) {
  const reason = reasonOf(c.field, verdict, label);
  const at = new Date(nowMs).toISOString();
  const items = verdictUpdates(c, verdict, reason, c.field === 'summary' ? c.content : undefined);
  if (verdict === 'risky' || verdict === 'review')
    items.push(
      outboxPut({
        userIds: [c.userId],
        template: 'request_status',
        title: verdict === 'risky' ? '内容未通过安全检查' : '内容待人工复核',
        body: reason!,
        page: `/pkg-resident/pages/request/index?id=${c.requestId}`,
        at,
      }),
    );
  try {
    await transact(items);
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    await saveCheck(c.id, { verdict, label, state: 'verify' }, null); // superseded or removed: nothing to show
    return;
  }
  await saveCheck(
    c.id,
    { verdict, ...(label !== undefined ? { label } : {}), state: 'verify' },
    later(nowMs, config.verifyMs),
  );
}

const mediaVerdict = (c: ModCheck): Verdict | undefined => {
  const all = (c.media ?? []).map((k) => c.verdicts[k]);
  if (all.some((v) => !v || v === 'pending')) return undefined;
  return all.includes('risky') ? 'risky' : all.includes('review') ? 'review' : 'pass';
};

/**
 * Submits the photos still without a trace or verdict. Verdicts are only ever written one photo at
 * a time (setMediaVerdict), so a push landing meanwhile is never overwritten; whoever finds the last
 * verdict in while the check waits — this drain after saving 'wait', or the push — applies it.
 */
async function submitMedia(c: ModCheck, openid: string | undefined, nowMs: number) {
  const missing = (c.media ?? []).filter((k) => !c.verdicts[k] && !c.traces[k]);
  const links = new Map((await attachmentLinks(missing)).map((l) => [l.key, l.url]));
  const traces = { ...c.traces };
  try {
    for (const key of missing) {
      const res = await mediaCheckAsync(links.get(key)!, openid, c.scene);
      if ('traceId' in res && res.traceId) {
        await putTrace(res.traceId, c.id, key, new Date(nowMs).toISOString());
        traces[key] = res.traceId;
      } else await setMediaVerdict(c.id, key, 'review'); // refused outright: a person must look
    }
  } finally {
    c.traces = traces; // what was submitted stays submitted, even when a later photo's call failed
  }
  await saveCheck(c.id, { traces, state: 'wait', attempts: 0 }, later(nowMs, config.waitMs));
  const now = await getCheck(c.id);
  const done = now?.state === 'wait' && mediaVerdict(now);
  if (done) await apply(now, done, undefined, nowMs);
}

async function runCheck(c: ModCheck, nowMs: number) {
  if (c.state === 'verify') {
    const seen = currentVerdict(await getRequest(c.requestId), c);
    if (seen === 'gone' || seen === c.verdict) return saveCheck(c.id, {}, null);
    return apply(c, c.verdict!, c.label, nowMs); // a racing move put the old state back
  }
  const openid = (await getUser(c.userId))?.openid;
  if (c.field === 'media') {
    if (c.state === 'wait') c.traces = {}; // no verdict pushed in time: submit the rest again
    return submitMedia(c, openid, nowMs);
  }
  const res = await msgSecCheck(c.content ?? '', openid, c.scene);
  return apply(c, res.suggest, res.label, nowMs);
}

/** One pass over the due checks of every shard; answers how many ran. */
export async function drainModeration(nowMs = Date.now()): Promise<number> {
  let done = 0;
  for (let shard = 0; shard < MOD_SHARDS; shard++) {
    for (const c of await dueChecks(shard, new Date(nowMs).toISOString())) {
      if (!(await claimCheck(c.id, nowMs))) continue;
      try {
        await runCheck(c, nowMs);
        done++;
      } catch (e) {
        const attempts = c.attempts + 1;
        const wait = Math.min(config.retryMs * 2 ** (attempts - 1), 300_000);
        if (!(e instanceof WechatTransientError)) log('warn', 'moderation check failed', { id: c.id, err: String(e) });
        await saveCheck(c.id, { attempts, traces: c.traces }, later(nowMs, wait));
      }
    }
  }
  return done;
}

const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** WeChat's push signature (plain-text mode) on ?signature&timestamp&nonce, with a 5-minute window. */
export async function verifyPush(q: { signature?: string; timestamp?: string; nonce?: string }, nowMs = Date.now()) {
  const token = await secret('WECHAT_PUSH_TOKEN');
  const ok =
    !!q.signature &&
    !!q.timestamp &&
    !!q.nonce &&
    Math.abs(nowMs / 1000 - Number(q.timestamp)) <= 300 &&
    sameText(pushSignature(token, q.timestamp, q.nonce), q.signature.toLowerCase());
  if (!ok) throw new DomainError('FORBIDDEN', '消息推送签名无效');
}

interface MediaPush {
  Event?: string;
  trace_id?: string;
  errcode?: number;
  result?: { suggest?: string; label?: number };
}

/** A pushed message: media-check verdicts are recorded; other events are acknowledged and ignored. */
export async function receivePush(body: MediaPush, nowMs = Date.now()) {
  if (body.Event !== 'wxa_media_check' || !body.trace_id) return { ignored: true };
  const trace = await getTrace(body.trace_id);
  // unknown trace: answer an error so WeChat pushes again (the trace may be written a moment later)
  if (!trace) throw new DomainError('NOT_FOUND', 'trace_id 未知');
  const s = body.result?.suggest;
  const verdict: Verdict = !body.errcode && (s === 'pass' || s === 'risky' || s === 'review') ? s : 'review';
  const c = await setMediaVerdict(trace.checkId, trace.mediaKey, verdict);
  const done = c.state === 'wait' && mediaVerdict(c); // still 'check': the submitting drain applies it
  if (done) await apply(c, done, body.result?.label, nowMs);
  return { recorded: true };
}
