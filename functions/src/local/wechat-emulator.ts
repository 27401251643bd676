/**
 * The few WeChat server APIs the backend calls, emulated on loopback:
 * jscode2session (a code `<anything>` maps to a stable openid `o-<code>`; codes starting with
 * `bad` fail like WeChat's 40029), subscribe-message send, and msg_sec_check. Every call is
 * recorded; GET /__sent lists the subscribe messages that would have been sent.
 */
import http from 'node:http';
import { createHash } from 'node:crypto';

export interface SentMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: unknown;
  at: string;
}

export function createWechatEmulator() {
  const sent: SentMessage[] = [];
  const usedCodes = new Set<string>();
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
      if (url.pathname === '/cgi-bin/message/subscribe/send') {
        try {
          sent.push({ ...(JSON.parse(raw) as SentMessage), at: new Date().toISOString() });
          return reply({ errcode: 0, errmsg: 'ok' });
        } catch {
          return reply({ errcode: 47001, errmsg: 'data format error' });
        }
      }
      if (url.pathname === '/wxa/msg_sec_check') {
        const risky = /赌博|诈骗/.test(raw);
        return reply({
          errcode: 0,
          errmsg: 'ok',
          result: { suggest: risky ? 'risky' : 'pass', label: risky ? 20001 : 100 },
        });
      }
      if (url.pathname === '/cgi-bin/token') return reply({ access_token: 'local-access-token', expires_in: 7200 });
      if (url.pathname === '/__sent') return reply({ items: sent });
      res.writeHead(404).end();
    });
  });
  return { server, sent };
}
