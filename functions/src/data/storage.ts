/**
 * Attachments in S3 without the S3 client: SigV4 query-signed (presigned) URLs, the very URLs
 * @aws-sdk/s3-request-presigner makes (storage.test.ts compares them byte for byte), and HeadObject
 * as a HEAD of such a URL. Unlike the S3 client's default (requestChecksumCalculation
 * WHEN_SUPPORTED), a presigned PUT carries no CRC32 of the empty body, which real S3 would hold
 * against every upload. The local stack points S3_ENDPOINT at its S3-compatible server.
 */
import { createHmac } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { config } from '../config';
import { defaultCredentials, dnsSuffix, escapeUri, send, signer, withRetries, type Credentials } from './aws';

export type S3Operation = 'GetObject' | 'PutObject' | 'HeadObject';
const METHOD: Record<S3Operation, string> = { GetObject: 'GET', PutObject: 'PUT', HeadObject: 'HEAD' };

const bucket = () => process.env.BUCKET_NAME || 'gridlink-attachments';

/** Where a key lives: virtual-hosted style like the SDK; path-style locally and for dotted bucket names. */
function location(key: string) {
  const path = '/' + key.split('/').map(escapeUri).join('/');
  const local = process.env.S3_ENDPOINT;
  if (local) {
    const u = new URL(local);
    const base = u.pathname.replace(/\/$/, '');
    return {
      protocol: u.protocol,
      hostname: u.hostname,
      port: u.port ? Number(u.port) : undefined,
      path: `${base}/${bucket()}${path}`,
    };
  }
  const host = `s3.${config.region}.${dnsSuffix(config.region)}`;
  if (bucket().includes('.'))
    return { protocol: 'https:', hostname: host, port: undefined, path: `/${bucket()}${path}` };
  return { protocol: 'https:', hostname: `${bucket()}.${host}`, port: undefined, path };
}

const s3Credentials = async (): Promise<Credentials> =>
  process.env.S3_ENDPOINT ? { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } : defaultCredentials();

/** A presigned URL for one operation on one key, valid `seconds` from `signingDate`. */
export async function presignUrl(op: S3Operation, key: string, seconds: number, signingDate = new Date()) {
  const at = location(key);
  const credentials = await s3Credentials();
  const signed = await signer('s3', config.region, credentials).presign(
    {
      ...at,
      method: METHOD[op],
      query: op === 'HeadObject' ? {} : { 'x-id': op },
      headers: { host: at.hostname + (at.port ? `:${at.port}` : ''), 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
    },
    { expiresIn: seconds, signingDate, unsignableHeaders: new Set(['content-type']) },
  );
  const params = signed.query ?? {};
  const query = Object.keys(params)
    .sort()
    .map((k) => `${escapeUri(k)}=${escapeUri(String(params[k]))}`)
    .join('&');
  return `${at.protocol}//${signed.headers.host}${at.path}?${query}`;
}

const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/**
 * A presigned POST (an HTML-form upload, what Taro.uploadFile and FormData send): a SigV4-signed
 * policy that binds the exact key, the content type and a size range, so S3 itself refuses
 * anything else. The same fields and policy as @aws-sdk/s3-presigned-post's createPresignedPost
 * (storage.test.ts compares them), without the S3 client in the bundle. Post `fields` then `file`.
 */
export async function presignPost(
  key: string,
  contentType: string,
  maxBytes: number,
  seconds: number,
  now = new Date(),
): Promise<{ url: string; fields: Record<string, string> }> {
  const at = location('');
  const credentials = await s3Credentials();
  const amzDate = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  const day = amzDate.slice(0, 8);
  // in the SDK's order: given fields, then the signing fields; conditions, one per field, the key
  const fields: Record<string, string> = {
    'Content-Type': contentType,
    bucket: bucket(),
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${credentials.accessKeyId}/${day}/${config.region}/s3/aws4_request`,
    'X-Amz-Date': amzDate,
    ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
  };
  const policy = {
    expiration: new Date(now.getTime() + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    conditions: [
      ['eq', '$Content-Type', contentType],
      ['content-length-range', 1, maxBytes],
      ...Object.entries(fields).map(([k, v]) => ({ [k]: v })),
      { key },
    ],
  };
  const encoded = Buffer.from(JSON.stringify(policy)).toString('base64');
  let signingKey = hmac(`AWS4${credentials.secretAccessKey}`, day);
  for (const part of [config.region, 's3', 'aws4_request']) signingKey = hmac(signingKey, part);
  const signature = createHmac('sha256', signingKey).update(encoded).digest('hex');
  Object.assign(fields, { key, Policy: encoded, 'X-Amz-Signature': signature });
  const host = at.hostname + (at.port ? `:${at.port}` : '');
  return { url: `${at.protocol}//${host}${at.path.replace(/\/$/, '') || '/'}`, fields };
}

export const presignGet = (key: string, seconds: number) => presignUrl('GetObject', key, seconds);

class S3Error extends Error {
  constructor(readonly status: number) {
    super(`S3 answered HTTP ${status}`);
  }
}

/** What is really stored under a key (undefined when nothing is). Retries 5xx and network errors. */
export async function headObject(key: string): Promise<{ contentType?: string; size: number } | undefined> {
  const res = await withRetries(
    async () => {
      const r = await send(await presignUrl('HeadObject', key, 60), { method: 'HEAD' });
      if (r.status >= 500) throw new S3Error(r.status);
      return r;
    },
    () => true,
  );
  if (res.status === 404) return undefined;
  if (res.status !== 200) throw new S3Error(res.status);
  return { contentType: res.headers['content-type'], size: Number(res.headers['content-length'] ?? 0) };
}

/** The first `n` bytes stored under a key (a ranged GET), for sniffing what the file really is. */
export async function headBytes(key: string, n = 64): Promise<Buffer> {
  const res = await withRetries(
    async () => {
      const r = await send(await presignUrl('GetObject', key, 60), {
        method: 'GET',
        headers: { range: `bytes=0-${n - 1}` },
      });
      if (r.status >= 500) throw new S3Error(r.status);
      return r;
    },
    () => true,
  );
  if (res.status === 416) return Buffer.alloc(0); // nothing stored in that range: no image
  if (res.status !== 200 && res.status !== 206) throw new S3Error(res.status);
  return res.raw.subarray(0, n);
}

/**
 * Stream the object under `key` into `file` (the import job's /tmp copy), refusing more than
 * `maxBytes` (the declared size is not trusted). Resolves to the bytes written, or undefined when
 * nothing is stored under the key.
 */
export async function downloadObject(key: string, file: string, maxBytes: number): Promise<number | undefined> {
  const url = await presignUrl('GetObject', key, 300);
  const request = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', timeout: 30_000 }, (res) => {
      if (res.statusCode === 404) {
        res.resume();
        return resolve(undefined);
      }
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new S3Error(res.statusCode ?? 0));
      }
      const out = createWriteStream(file);
      let bytes = 0;
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        if (bytes > maxBytes) {
          req.destroy();
          out.destroy();
          reject(new TooLarge(maxBytes));
        }
      });
      res.on('error', reject);
      out.on('error', reject);
      out.on('finish', () => resolve(bytes));
      res.pipe(out);
    });
    req.on('timeout', () => req.destroy(new Error('S3 download timed out')));
    req.on('error', reject);
    req.end();
  });
}

export class TooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`object larger than ${maxBytes} bytes`);
  }
}

/** Store a small object (the import report, the template) with a presigned PUT. */
export async function putObject(key: string, body: string | Buffer, contentType: string) {
  const res = await withRetries(
    async () => {
      const r = await send(await presignUrl('PutObject', key, 60), {
        method: 'PUT',
        headers: { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) },
        body,
        timeoutMs: 30_000,
      });
      if (r.status >= 500) throw new S3Error(r.status);
      return r;
    },
    () => true,
  );
  if (res.status !== 200) throw new S3Error(res.status);
}

/** A small text object (the import report), or undefined when none is stored. */
export async function getObjectText(key: string): Promise<string | undefined> {
  const res = await withRetries(
    async () => {
      const r = await send(await presignUrl('GetObject', key, 60), { method: 'GET', timeoutMs: 30_000 });
      if (r.status >= 500) throw new S3Error(r.status);
      return r;
    },
    () => true,
  );
  if (res.status === 404) return undefined;
  if (res.status !== 200) throw new S3Error(res.status);
  return res.body;
}
