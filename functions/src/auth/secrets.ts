import { config } from '../config';
import { defaultCredentials, dnsSuffix, send, signer, withRetries } from '../data/aws';
import { dependencyFailed } from '../http/errors';

const cache = new Map<string, Promise<string>>();

class SecretsManagerError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
  ) {
    super(`Secrets Manager GetSecretValue: HTTP ${status} ${type}`);
  }
}
const transient = (e: unknown) =>
  !(e instanceof SecretsManagerError) || e.status >= 500 || /Throttling|InternalService/.test(e.type);

/**
 * GetSecretValue as one signed HTTPS call (AWS JSON 1.1), not through the SDK client (~14 KiB and
 * its start-up in every bundle). The endpoint follows the ARN's region and partition;
 * AWS_ENDPOINT_URL_SECRETS_MANAGER (the SDK's own override) points it elsewhere, as tests do.
 */
export async function getSecretValue(arn: string): Promise<string> {
  const [, partition, , region] = arn.split(':');
  const url = new URL(
    process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER ||
      `https://secretsmanager.${region}.${partition === 'aws-cn' ? 'amazonaws.com.cn' : dnsSuffix(region)}`,
  );
  const body = JSON.stringify({ SecretId: arn });
  return withRetries(async () => {
    const signed = await signer('secretsmanager', region, await defaultCredentials()).sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: '/',
      headers: {
        host: url.host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'secretsmanager.GetSecretValue',
      },
      body,
    });
    const res = await send(`${url.origin}/`, { method: 'POST', headers: signed.headers, body });
    const reply = JSON.parse(res.body || '{}') as { SecretString?: string; __type?: string };
    if (res.status !== 200) throw new SecretsManagerError(res.status, String(reply.__type ?? ''));
    return reply.SecretString ?? '';
  }, transient);
}

/**
 * A secret by name: in the cloud from Secrets Manager (ARN in `<NAME>_ARN`, read once per cold
 * start); locally from the environment, or a fixed development value in the local/test stages.
 * Anywhere else, no value means no service (503), never a default.
 */
export function secret(name: 'TOKEN_SECRET' | 'WECHAT_SECRET' | 'WECHAT_PUSH_TOKEN'): Promise<string> {
  const arn = process.env[`${name}_ARN`];
  const key = arn ?? name;
  let p = cache.get(key);
  if (!p) {
    p = arn
      ? getSecretValue(arn)
      : Promise.resolve(process.env[name] || (config.isLocal ? `gridlink-local-${name.toLowerCase()}` : ''));
    p = p.then((v) => (v === 'SET-ME' ? '' : v)); // the CDK placeholder counts as not configured
    p.then(
      (v) => {
        if (!v) cache.delete(key);
      },
      () => cache.delete(key),
    );
    cache.set(key, p);
  }
  return p.then(
    (v) => {
      if (!v) throw dependencyFailed('服务配置未完成，请联系管理员');
      return v;
    },
    () => {
      throw dependencyFailed();
    },
  );
}
