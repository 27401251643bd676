/**
 * Deployment settings (from CDK context) and what each functional area may touch.
 * Areas themselves come from the route table; this file only says which need more than the
 * default (table read/write + token secret).
 */
import type { Node } from 'constructs';

export type AccessMode = 'RO' | 'RW';

export interface AreaAccess {
  /** table access; default 'RW' */
  table?: AccessMode;
  /** attachments bucket; default none */
  bucket?: AccessMode;
  /** reads the WeChat app secret (code2Session, subscribe messages) */
  wechat?: boolean;
  /** reads the WeChat message-push token (verifies the signature of WeChat's callbacks) */
  wechatPush?: boolean;
}

/**
 * Least privilege per area. Keyed by string: areas that are not HTTP areas yet (e.g. `notify`,
 * a stream consumer) can be listed ahead of time.
 */
export const AREA_ACCESS: Readonly<Record<string, AreaAccess>> = {
  auth: { wechat: true },
  // the jobs function: subscribe messages, and content security (presigned photo links for mediaCheckAsync)
  notify: { wechat: true, bucket: 'RO' },
  // WeChat's message push (media-check verdicts): the push token only, never the AppSecret
  wechat: { wechatPush: true },
  // uploads presigns PUTs; the others only check (HEAD) and presign GETs of what was uploaded
  uploads: { bucket: 'RW' },
  requests: { bucket: 'RO' },
  services: { bucket: 'RO' },
  proxy: { bucket: 'RO' },
  // disputes and petitions carry photos too (verified on create, linked on read)
  cases: { bucket: 'RO' },
  // the admin upload of base data: presigns the POST, checks (HEAD) the file, reads the report
  imports: { bucket: 'RW' },
  // the import function (not HTTP): its bucket grant is narrower, set in the stack (import keys only)
  importJob: {},
  // the command centre: writes 督办 moves and the config item; exports .xlsx tables (PUT + presigned GET)
  centre: { bucket: 'RW' },
  // read-only areas
  system: { table: 'RO' },
  stats: { table: 'RO' },
};

export const areaAccess = (area: string): Required<Pick<AreaAccess, 'table'>> & AreaAccess => ({
  table: 'RW',
  ...AREA_ACCESS[area],
});

/** Stages that exist only on a laptop or in CI: they serve dev-login, so never deploy them. */
const LOCAL_STAGES = ['local', 'test'];

export interface DeployConfig {
  stage: string;
  wechatAppId: string | undefined;
  /**
   * Origins allowed by API and bucket CORS (context `allowedOrigins`, comma list: the h5 build's
   * origin). None by default — the WeChat client needs no CORS — and never `*`.
   */
  allowedOrigins: string[];
  alarmEmail: string | undefined;
  /**
   * The API's own domain (context apiDomainName + apiCertificateArn, an ACM certificate in the
   * stack's region). WeChat only calls ICP-registered domains listed in the mini-program's admin
   * console, and in the China regions the execute-api endpoint is not reachable without one.
   */
  customDomain: { domainName: string; certificateArn: string } | undefined;
  /** default-stage throttling of the HTTP API */
  throttle: { rateLimit: number; burstLimit: number };
}

const list = (v: unknown): string[] | undefined =>
  v === undefined
    ? undefined
    : Array.isArray(v)
      ? v.map(String)
      : String(v)
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);

function customDomain(node: Node): DeployConfig['customDomain'] {
  const domainName = node.tryGetContext('apiDomainName');
  const certificateArn = node.tryGetContext('apiCertificateArn');
  if (!domainName && !certificateArn) return undefined;
  if (!domainName || !certificateArn) throw new Error('set both apiDomainName and apiCertificateArn, or neither');
  return { domainName: String(domainName), certificateArn: String(certificateArn) };
}

function origins(node: Node): string[] {
  const all = list(node.tryGetContext('allowedOrigins')) ?? [];
  for (const o of all)
    if (!/^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o))
      throw new Error(`allowedOrigins "${o}": list exact origins (https://host[:port]), never *`);
  return all;
}

export function readConfig(node: Node): DeployConfig {
  const stage = String(node.tryGetContext('stage') ?? 'prod');
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(stage))
    throw new Error(`stage "${stage}": use lower-case letters, digits and dashes`);
  if (LOCAL_STAGES.includes(stage))
    throw new Error(`stage "${stage}" is local-only (it serves dev-login); pick e.g. dev or prod`);
  return {
    stage,
    wechatAppId: node.tryGetContext('wechatAppId') || undefined,
    allowedOrigins: origins(node),
    alarmEmail: node.tryGetContext('alarmEmail') || undefined,
    customDomain: customDomain(node),
    throttle: {
      rateLimit: Number(node.tryGetContext('apiRateLimit') ?? 100),
      burstLimit: Number(node.tryGetContext('apiBurstLimit') ?? 200),
    },
  };
}
