/**
 * The public summary of a request: written by staff in scope, audited, screened for numbers and the
 * reporter's name, and published (Open311 feed, 我也遇到) only once its own content check passes.
 * Until then the public reads a category-level line (moderation.ts publicDescription).
 */
import { getRequest, requestReplace, type RequestItem } from '../../data/requests';
import { auditPut } from '../../data/audit';
import { feedDescriptionUpdate } from '../../data/open311';
import type { Actor } from '../../auth/actor';
import { badRequest, forbidden, notFound } from '../errors';
import { run } from '../workflow/kernel';
import { checkPut, publicDescription } from '../moderation';
import { requestRelations } from './commit';
import { toResource } from './view';

const DIGIT: Record<string, string> = { 零: '0', 〇: '0', 幺: '1', 一: '1', 二: '2', 两: '2', 三: '3', 四: '4' };
Object.assign(DIGIT, { 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' });

/** Digits however written (full-width, Chinese numerals), with separators between them dropped. */
export function digitsOf(text: string) {
  return text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[零〇幺一二两三四五六七八九]/g, (d) => DIGIT[d])
    .replace(/(?<=\d)[\s\-－—_.·,，、()（）]+(?=\d)/g, '');
}

/** A summary the public may read: no run of six or more digits, not the reporter's name. */
export function screenSummary(text: string, r: Pick<RequestItem, 'reporterName'>) {
  if (/\d{6,}/.test(digitsOf(text)))
    throw badRequest('公开摘要不能包含电话、证件号等号码', [{ path: 'text', message: '请删去号码' }]);
  if (r.reporterName && r.reporterName.length >= 2 && text.includes(r.reporterName))
    throw badRequest('公开摘要不能包含居民姓名', [{ path: 'text', message: '请删去姓名' }]);
}

export async function setPublicSummary(actor: Actor, id: string, text: string, now: string) {
  const req = await getRequest(id);
  if (!req) throw notFound('诉求不存在');
  const rel = requestRelations(actor, req);
  if (!rel.as.some((a) => a !== 'owner')) throw forbidden(rel.refusal ?? '只有负责的工作人员可以填写公开摘要');
  screenSummary(text, req);
  const after: RequestItem = {
    ...req,
    approvedSummary: { text, status: 'pending', by: actor.id, at: now },
    version: req.version + 1,
    updatedAt: now,
  };
  await run({
    items: [
      requestReplace(after, { version: req.version, status: req.status }),
      // until the new text passes its check the public reads the category line, not the older summary
      feedDescriptionUpdate(req, publicDescription({ ...req, approvedSummary: undefined })),
      checkPut(req, 'summary', now, { content: text, ref: now }, actor.id),
      auditPut({
        actorId: actor.id,
        actorRole: actor.role,
        action: 'request.publicSummary',
        target: `request:${id}`,
        from: req.approvedSummary?.text ?? null,
        to: text,
        at: now,
      }),
    ],
  });
  return toResource(after, actor.id);
}
