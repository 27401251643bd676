/**
 * GetSecretValue without the SDK client, against a stand-in Secrets Manager on loopback (the SDK's
 * AWS_ENDPOINT_URL_SECRETS_MANAGER): the AWS JSON 1.1 request, a SigV4 signature that matches what
 * went over the wire, one read per cold start, retries of transient failures, and 503 otherwise.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

type Data = string | ArrayBuffer | ArrayBufferView;
const buf = (d: Data) =>
  typeof d === 'string'
    ? d
    : ArrayBuffer.isView(d)
      ? Buffer.from(d.buffer, d.byteOffset, d.byteLength)
      : Buffer.from(d);
class Sha256 {
  private h;
  constructor(key?: Data) {
    this.h = key === undefined ? createHash('sha256') : createHmac('sha256', buf(key));
  }
  update(d: Data) {
    this.h.update(buf(d));
  }
  async digest() {
    return new Uint8Array(this.h.digest());
  }
}

const creds = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const ARN = (name: string) => `arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:${name}`;
const saved = { ...process.env };

interface Seen {
  headers: http.IncomingHttpHeaders;
  body: string;
  signatureOk: boolean;
}
let seen: Seen[] = [];
let answers: { status: number; body: object }[] = [];
let server: http.Server;

/** Re-signs what arrived (minus its Authorization) at its own x-amz-date: equal only if nothing was lost. */
async function signatureMatches(req: http.IncomingMessage, body: string) {
  const headers = { ...req.headers } as Record<string, string>;
  const given = headers.authorization;
  delete headers.authorization;
  delete headers['content-length'];
  delete headers.connection;
  const d = headers['x-amz-date'];
  const signingDate = new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 11)}:${d.slice(11, 13)}:${d.slice(13)}`);
  const signer = new SignatureV4({
    credentials: creds,
    region: 'cn-north-1',
    service: 'secretsmanager',
    sha256: Sha256,
  });
  const again = await signer.sign(
    { method: req.method!, protocol: 'http:', hostname: '127.0.0.1', path: req.url!, headers, body },
    { signingDate },
  );
  const payloadHash = createHash('sha256').update(body).digest('hex');
  return again.headers.authorization === given && headers['x-amz-content-sha256'] === payloadHash;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      seen.push({ headers: req.headers, body, signatureOk: await signatureMatches(req, body) });
      const a = answers.shift() ?? { status: 200, body: { SecretString: 'from-secrets-manager' } };
      res.writeHead(a.status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.AWS_ACCESS_KEY_ID = creds.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = creds.secretAccessKey;
  delete process.env.AWS_SESSION_TOKEN;
  process.env.STAGE = 'prod';
});
beforeEach(() => {
  seen = [];
  answers = [];
  jest.resetModules();
});
afterAll(async () => {
  process.env = saved;
  await new Promise((r) => server.close(r));
});

const load = () => import('./secrets');

describe('secrets from Secrets Manager', () => {
  it('reads a secret with one signed GetSecretValue per cold start', async () => {
    process.env.TOKEN_SECRET_ARN = ARN('token');
    const { secret } = await load();
    await expect(secret('TOKEN_SECRET')).resolves.toBe('from-secrets-manager');
    await expect(secret('TOKEN_SECRET')).resolves.toBe('from-secrets-manager');
    expect(seen).toHaveLength(1);
    expect(seen[0].headers['x-amz-target']).toBe('secretsmanager.GetSecretValue');
    expect(seen[0].headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(seen[0].headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/cn-north-1\/secretsmanager\/aws4_request, /,
    );
    expect(JSON.parse(seen[0].body)).toEqual({ SecretId: ARN('token') });
    expect(seen[0].signatureOk).toBe(true);
  });

  it('retries a throttled or failing read, then answers', async () => {
    process.env.TOKEN_SECRET_ARN = ARN('retry');
    answers = [
      { status: 400, body: { __type: 'ThrottlingException', message: 'slow down' } },
      { status: 500, body: { __type: 'InternalServiceError' } },
    ];
    const { secret } = await load();
    await expect(secret('TOKEN_SECRET')).resolves.toBe('from-secrets-manager');
    expect(seen).toHaveLength(3);
  });

  it('fails closed (503) on a missing secret, the CDK placeholder, or no ARN outside local/test', async () => {
    process.env.TOKEN_SECRET_ARN = ARN('missing');
    answers = [{ status: 400, body: { __type: 'ResourceNotFoundException', message: 'no such secret' } }];
    let { secret } = await load();
    await expect(secret('TOKEN_SECRET')).rejects.toMatchObject({ code: 'DEPENDENCY_FAILED' });
    expect(seen).toHaveLength(1);

    jest.resetModules();
    process.env.WECHAT_SECRET_ARN = ARN('wechat');
    answers = [{ status: 200, body: { SecretString: 'SET-ME' } }];
    ({ secret } = await load());
    await expect(secret('WECHAT_SECRET')).rejects.toMatchObject({ code: 'DEPENDENCY_FAILED' });

    jest.resetModules();
    delete process.env.TOKEN_SECRET_ARN;
    delete process.env.TOKEN_SECRET;
    ({ secret } = await load());
    await expect(secret('TOKEN_SECRET')).rejects.toMatchObject({ code: 'DEPENDENCY_FAILED' });
  });
});
