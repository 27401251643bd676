/**
 * Attachments in S3 without the S3 client: SigV4 query-signed (presigned) URLs, the very URLs
 * @aws-sdk/s3-request-presigner makes (storage.test.ts compares them byte for byte), and HeadObject
 * as a HEAD of such a URL. Unlike the S3 client's default (requestChecksumCalculation
 * WHEN_SUPPORTED), a presigned PUT carries no CRC32 of the empty body, which real S3 would hold
 * against every upload. The local stack points S3_ENDPOINT at its S3-compatible server.
 */
import { config } from '../config';
import { defaultCredentials, dnsSuffix, escapeUri, send, signer, withRetries } from './aws';

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

/** A presigned URL for one operation on one key, valid `seconds` from `signingDate`. */
export async function presignUrl(op: S3Operation, key: string, seconds: number, signingDate = new Date()) {
  const at = location(key);
  const credentials = process.env.S3_ENDPOINT
    ? { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }
    : await defaultCredentials();
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

/** The content type is not signed (as with the SDK's presigner): the client sends it, headObject checks it. */
export const presignPut = (key: string, _contentType: string, seconds: number) => presignUrl('PutObject', key, seconds);

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
