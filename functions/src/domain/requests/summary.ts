/**
 * The public summary of a resident's text: what neighbours (我也遇到) and, once approved, the public
 * feed may see. Personal data is removed — phones and ID numbers in every spelling (separators,
 * full-width digits, +86, Chinese numerals), e-mail and WeChat handles, names introduced by
 * 本人 / 我是 / 我叫 / 姓名 …, and forms of address (刘女士, 王大爷). When anything doubtful is left,
 * the category-level summary is used instead. Pure functions: reusable by any projection.
 */

const MAX = 40;

const CN_DIGIT = '零〇○一二三四五六七八九幺两壹贰叁肆伍陆柒捌玖拾';
/** a run of digits, with separators and an optional trailing x/X of ID numbers */
const DIGIT_RUN = /(?:\+?86[\s\-.·]*)?\d(?:[\s\-.·_/]*\d){5,}(?:[\s\-.·]*[xX])?/g;
const CN_DIGIT_RUN = new RegExp(`[${CN_DIGIT}](?:[\\s\\-·]*[${CN_DIGIT}]){3,}`, 'g');
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const HANDLE = /(?:微信|vx|VX|wx|WX|qq|QQ|微信号)[\s:：号是为]*[A-Za-z0-9_-]{3,}/g;
/** a cue word, then up to 4 Han characters (the name) */
const NAMED = /(?:本人|我是|我叫|我姓|姓名|名叫|叫做|联系人|户主|签名|署名)[\s:：是为叫]*[\u4e00-\u9fff·]{1,4}/g;
const ADDRESSED = /[\u4e00-\u9fff]{1,2}(?:先生|女士|小姐|阿姨|大爷|大妈|大娘|奶奶|爷爷|师傅|老师)/g;
/** words that say personal data follows */
const CUE = /电话|手机|号码|联系|身份证|证件|微信|住址|门牌|房号|室号/g;
const PATTERNS = [DIGIT_RUN, CN_DIGIT_RUN, EMAIL, HANDLE, NAMED, ADDRESSED];
/** left after cleaning: still doubtful */
const DOUBT = /\d{3,}|[A-Za-z]{6,}|[@＠]/;

/** Full-width digits, letters and signs to ASCII (１３９ → 139, ＋ → +); Chinese punctuation kept. */
const fold = (s: string) =>
  s.replace(/[\uFF01-\uFF5E]/g, (c) =>
    /[，。；：！？（）、]/.test(c) ? c : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );

function firstHit(t: string, patterns: RegExp[]): number {
  let at = -1;
  for (const re of patterns) {
    re.lastIndex = 0;
    const m = re.exec(t);
    re.lastIndex = 0;
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  return at;
}

/** True when the text carries something that looks like personal data. */
export const containsPersonalData = (text: string): boolean => firstHit(fold(text), PATTERNS) >= 0;

/** What the text says before the first personal data or cue word (phones, ID numbers, names …). */
export function stripPersonalData(text: string): string {
  const t = fold(text);
  const at = firstHit(t, [...PATTERNS, CUE]);
  return (at < 0 ? t : t.slice(0, at))
    .replace(/\s+/g, ' ')
    .replace(/^[\s,，。.;；:：、!！?？]+|[\s,，。;；:：、(（]+$/g, '')
    .trim();
}

/** The category-level summary: says what, never who. */
export const categorySummary = (categoryName: string) => `本楼栋有居民反映：${categoryName}`;

/**
 * A short public summary of a resident's description: the cleaned start of the text, or the
 * category-level summary when the cleaned text is too short or still doubtful.
 */
export function publicSummary(categoryName: string, description: string): string {
  const cleaned = stripPersonalData(description);
  const head = [...cleaned].slice(0, MAX).join('');
  const clipped = head.length < cleaned.length ? `${head}…` : head;
  if ([...cleaned].length < 4 || DOUBT.test(clipped) || containsPersonalData(clipped))
    return categorySummary(categoryName);
  return clipped;
}
