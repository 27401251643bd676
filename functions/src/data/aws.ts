/**
 * The little of AWS that S3 links and Secrets Manager need, without their SDK clients (~150 and
 * ~14 KiB a bundle): the SigV4 signer and the default credential chain, both already in every
 * bundle through the DynamoDB client, and one HTTPS round trip.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: SourceData) =>
  typeof d === 'string'
    ? Buffer.from(d, 'utf8')
    : ArrayBuffer.isView(d)
      ? Buffer.from(d.buffer, d.byteOffset, d.byteLength)
      : Buffer.from(d);

/** SHA-256 (HMAC-SHA-256 with a secret) in the shape the signer takes. */
class Sha256 {
  private readonly h: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.h = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData) {
    this.h.update(bytes(data));
  }
  async digest() {
    return new Uint8Array(this.h.digest());
  }
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

let chain: ReturnType<typeof defaultProvider> | undefined;
/** The default chain (in Lambda: the function role's keys from the environment), resolved once. */
export const defaultCredentials = (): Promise<Credentials> => (chain ??= defaultProvider())();

export const signer = (service: string, region: string, credentials: Credentials) =>
  new SignatureV4({
    credentials,
    region,
    service,
    sha256: Sha256,
    uriEscapePath: service !== 's3',
    applyChecksum: service !== 's3',
  });

/** `amazonaws.com`, or `amazonaws.com.cn` in the China regions */
export const dnsSuffix = (region: string) => (region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com');

/** RFC 3986 escaping, as S3 and the signer expect: encodeURIComponent plus !'()* */
export const escapeUri = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** the body's bytes */
  raw: Buffer;
}

/** One HTTP(S) exchange; rejects on network errors and after `timeoutMs` of silence. */
export function send(
  url: string,
  opts: { method: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = request(url, { method: opts.method, headers: opts.headers, timeout: opts.timeoutMs ?? 5000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: raw.toString('utf8'), raw });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${opts.method} ${new URL(url).host}: timed out`)));
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Up to `tries` attempts of `fn`, retrying what `retry` says is transient (5xx, throttling, network). */
export async function withRetries<T>(fn: () => Promise<T>, retry: (e: unknown) => boolean, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= tries || !retry(e)) throw e;
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}
