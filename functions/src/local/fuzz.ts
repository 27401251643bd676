/**
 * `npm run fuzz [-- --requests N --url http://127.0.0.1:3000]`: hostile requests against the
 * running local stack (or an in-memory one it starts), bounded in number, printing counts by
 * status: half random, half plausible requests with one id-like field (path parameter, query or
 * body field) made hostile or a cursor that is not the list's own. Exits 1 if anything answered
 * ≥ 500 or a 4xx lacked the error shape.
 */
import fc from 'fast-check';
import { ALL_ROUTES, hostileArb, idLikeRequestArb, seededBase } from './hostile';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};

async function main() {
  const total = Number(arg('requests', '10000'));
  let url = arg('url', process.env.API_URL ?? 'http://127.0.0.1:3000');
  let stop: (() => Promise<void>) | undefined;
  const up = await fetch(`${url}/v1/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (!up) {
    process.env.LOG_LEVEL = 'silent';
    process.env.RATE_LIMIT_SCALE ??= '1000';
    const { startStack } = await import('./stack');
    console.log('no local stack answering: starting one in memory …');
    const stack = await startStack({});
    url = stack.apiUrl;
    stop = stack.stop;
  }
  const login = async (userId: string) =>
    (
      await (
        await fetch(`${url}/v1/auth/dev-login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ userId }),
        })
      ).json()
    ).token as string;
  const tokens = [
    undefined,
    await login('resident-demo'),
    await login('worker-demo'),
    await login('community-admin-demo'),
    await login('office-demo'),
    await login('agent-demo'),
  ];
  // real cursors of several lists and users: foreign to every other list
  const cursors: string[] = [];
  for (const path of ['/v1/requests?view=mine', '/v1/grids/hz-hp/children', '/v1/messages'])
    for (const token of tokens.slice(1, 3)) {
      const page = await fetch(`${url}${path}${path.includes('?') ? '&' : '?'}limit=1`, {
        headers: { authorization: `Bearer ${token}` },
      }).then((r) => r.json().catch(() => ({})));
      if (page.nextCursor && !cursors.includes(page.nextCursor)) cursors.push(page.nextCursor);
    }
  const per = Math.ceil(total / ALL_ROUTES.length / 2);
  const requests = ALL_ROUTES.flatMap((r) => [
    ...fc.sample(hostileArb(r), per),
    ...fc.sample(idLikeRequestArb(r, seededBase(r), cursors), per),
  ]).slice(0, total);
  const counts = new Map<number, number>();
  const bad: string[] = [];
  let next = 0;
  const t0 = Date.now();
  const worker = async () => {
    while (next < requests.length) {
      const i = next++;
      const r = requests[i];
      const token = tokens[i % tokens.length];
      const res = await fetch(url + r.path, {
        method: r.method,
        headers: {
          'content-type': r.contentType ?? 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: r.body as BodyInit | undefined,
      });
      const text = await res.text();
      counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
      if (res.status >= 500) bad.push(`${res.status} ${r.method} ${r.path.slice(0, 100)}`);
      else if (res.status >= 400 && !/"error":\{"code":"|^\[\{"code":\d{3},"description":/.test(text))
        bad.push(`no error shape: ${res.status} ${r.method} ${r.path.slice(0, 100)}`);
      if ((i + 1) % 2000 === 0) console.log(`  … ${i + 1}/${requests.length}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  const secs = (Date.now() - t0) / 1000;
  console.log(
    `\nfuzz: ${requests.length} hostile requests (${cursors.length} foreign cursors) over ${ALL_ROUTES.length} routes in ${secs.toFixed(1)} s (${(requests.length / secs).toFixed(0)} req/s)`,
  );
  console.log('status  count');
  for (const [status, n] of [...counts].sort((a, b) => a[0] - b[0])) console.log(`${String(status).padEnd(7)} ${n}`);
  console.log(
    `≥ 500: ${bad.filter((b) => /^5/.test(b)).length}; 4xx without error shape: ${bad.filter((b) => b.startsWith('no')).length}`,
  );
  for (const b of bad.slice(0, 20)) console.log('  ' + b);
  await stop?.();
  process.exit(bad.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
