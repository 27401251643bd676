/**
 * The few WeChat server APIs the backend calls, emulated on loopback:
 * jscode2session (a code `<anything>` maps to a stable openid `o-<code>`; codes starting with
 * `bad` fail like WeChat's 40029), subscribe-message send, and content security: msg_sec_check v2
 * (text with 赌博 or 诈骗 is risky, 待复核 asks for review) and media_check_async v2, whose verdict
 * is pushed to our callback like WeChat's message push (plain-text mode: signature = sha1 of the
 * sorted token, timestamp and nonce), retried a few times while the callback does not answer 2xx.
 * Tests steer it: POST /__control {down, hold, media: {<part of media_url>: 'risky'|'review'|'pass'}}
 * (down: the check APIs answer 503; hold: keep pushes until POST /__push); GET /__pushes lists them.
 * GET /__sent lists the subscribe messages that would have been sent.
 */
import http from 'node:http';
import { createHash, randomBytes } from 'node:crypto';

type Suggest = 'pass' | 'review' | 'risky';
export interface MediaPush {
  traceId: string;
  mediaUrl: string;
  suggest: Suggest;
  /** HTTP status of the callback's last answer (0: not pushed yet) */
  status: number;
  attempts: number;
}

export interface EmulatorOptions {
  /** the message-push token configured for the callback (WECHAT_PUSH_TOKEN) */
  pushToken: string;
}

const sign = (token: string, timestamp: string, nonce: string) =>
  createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface SentMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: unknown;
  at: string;
}

export function createWechatEmulator(opts: EmulatorOptions = { pushToken: 'gridlink-local-wechat_push_token' }) {
  const sent: SentMessage[] = [];
  const usedCodes = new Set<string>();
  const pushes: MediaPush[] = [];
  const control = { down: false, hold: false, media: {} as Record<string, Suggest> };
  let callbackUrl: string | undefined;

  async function push(p: MediaPush) {
    if (!callbackUrl) return;
    for (let i = 0; i < 5 && !(p.status >= 200 && p.status < 300); i++) {
      if (i) await sleep(200);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const nonce = String(randomBytes(4).readUInt32BE());
      const url = new URL(callbackUrl);
      url.search = new URLSearchParams({
        signature: sign(opts.pushToken, timestamp, nonce),
        timestamp,
        nonce,
      }).toString();
      const label = p.suggest === 'pass' ? 100 : 20002;
      const body = {
        ToUserName: 'gh_local',
        FromUserName: 'o-local',
        CreateTime: Number(timestamp),
        MsgType: 'event',
        Event: 'wxa_media_check',
        appid: 'wx-local-demo',
        trace_id: p.traceId,
        version: 2,
        detail: [{ strategy: 'content_model', errcode: 0, suggest: p.suggest, label }],
        errcode: 0,
        errmsg: 'ok',
        result: { suggest: p.suggest, label },
      };
      p.attempts++;
      p.status = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
        .then(async (r) => (await r.arrayBuffer(), r.status))
        .catch(() => 599);
    }
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const reply = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (url.pathname === '/sns/jscode2session') {
        const code = url.searchParams.get('js_code') ?? '';
        if (!url.searchParams.get('secret')) return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
        if (!code || code.startsWith('bad')) return reply({ errcode: 40029, errmsg: 'invalid code' });
        if (usedCodes.has(code) && !code.startsWith('dev-')) return reply({ errcode: 40163, errmsg: 'code been used' });
        usedCodes.add(code);
        const user = code.startsWith('dev-') ? code.slice(4) : code;
        const openid = 'o' + createHash('sha256').update(user).digest('base64url').slice(0, 27);
        return reply({ openid, session_key: createHash('md5').update(code).digest('base64') });
      }
      if (url.pathname === '/wxa/business/getuserphonenumber') {
        // the getPhoneNumber button's code: `phone-<11 digits>` stands for that number; others are refused
        if (url.searchParams.get('access_token') !== 'local-access-token')
          return reply({ errcode: 40001, errmsg: 'invalid credential' });
        let code = '';
        try {
          code = String((JSON.parse(raw) as { code?: unknown }).code ?? '');
        } catch {
          return reply({ errcode: 47001, errmsg: 'data format error' });
        }
        const m = /^phone-(1\d{10})$/.exec(code);
        if (!m) return reply({ errcode: 40029, errmsg: 'invalid code' });
        return reply({
          errcode: 0,
          errmsg: 'ok',
          phone_info: { phoneNumber: m[1], purePhoneNumber: m[1], countryCode: '86' },
        });
      }
      if (url.pathname === '/cgi-bin/message/subscribe/send') {
        try {
          sent.push({ ...(JSON.parse(raw) as SentMessage), at: new Date().toISOString() });
          return reply({ errcode: 0, errmsg: 'ok' });
        } catch {
          return reply({ errcode: 47001, errmsg: 'data format error' });
        }
      }
      const secApi = url.pathname === '/wxa/msg_sec_check' || url.pathname === '/wxa/media_check_async';
      if (secApi && control.down) return void res.writeHead(503).end('unavailable');
      if (secApi && url.searchParams.get('access_token') !== 'local-access-token')
        return reply({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      let input: Record<string, unknown> = {};
      try {
        input = raw ? JSON.parse(raw) : {};
      } catch {
        if (secApi) return reply({ errcode: 47001, errmsg: 'data format error' });
      }
      if (url.pathname === '/wxa/msg_sec_check') {
        if (input.version !== 2 || typeof input.content !== 'string')
          return reply({ errcode: 40097, errmsg: 'invalid args' });
        const suggest: Suggest = /赌博|诈骗/.test(input.content)
          ? 'risky'
          : /待复核/.test(input.content)
            ? 'review'
            : 'pass';
        const label = suggest === 'pass' ? 100 : /赌博/.test(input.content) ? 20006 : 20008;
        return reply({
          errcode: 0,
          errmsg: 'ok',
          trace_id: randomBytes(8).toString('hex'),
          result: { suggest, label },
        });
      }
      if (url.pathname === '/wxa/media_check_async') {
        const mediaUrl = String(input.media_url ?? '');
        if (input.version !== 2 || !mediaUrl || input.media_type !== 2)
          return reply({ errcode: 40097, errmsg: 'invalid args' });
        const hit = Object.entries(control.media).find(([part]) => mediaUrl.includes(part));
        const p: MediaPush = {
          traceId: randomBytes(12).toString('hex'),
          mediaUrl,
          suggest: hit?.[1] ?? 'pass',
          status: 0,
          attempts: 0,
        };
        pushes.push(p);
        if (!control.hold) setTimeout(() => void push(p), 50);
        return reply({ errcode: 0, errmsg: 'ok', trace_id: p.traceId });
      }
      if (url.pathname === '/__control' && req.method === 'POST') {
        Object.assign(control, input);
        return reply(control);
      }
      if (url.pathname === '/__push' && req.method === 'POST') {
        const due = pushes.filter((p) => p.status === 0);
        void Promise.all(due.map(push)).then(() => reply({ pushed: due.length }));
        return;
      }
      if (url.pathname === '/__pushes') return reply({ items: pushes });
      if (url.pathname === '/cgi-bin/token') return reply({ access_token: 'local-access-token', expires_in: 7200 });
      if (url.pathname === '/__sent') return reply({ items: sent });
      res.writeHead(404).end();
    });
  });
  return {
    server,
    sent,
    /** where pushes go (our POST /wechat/push), known once the API server listens */
    setCallback: (url: string) => void (callbackUrl = url),
  };
}
