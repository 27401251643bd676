import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { config } from '../config';
import { dependencyFailed } from '../http/errors';

const cache = new Map<string, Promise<string>>();

/**
 * A secret by name: in the cloud from Secrets Manager (ARN in `<NAME>_ARN`, read once per cold
 * start); locally from the environment, or a fixed development value in the local/test stages.
 */
export function secret(name: 'TOKEN_SECRET' | 'WECHAT_SECRET'): Promise<string> {
  const arn = process.env[`${name}_ARN`];
  const key = arn ?? name;
  let p = cache.get(key);
  if (!p) {
    p = arn
      ? new SecretsManagerClient({})
          .send(new GetSecretValueCommand({ SecretId: arn }))
          .then((r) => r.SecretString ?? '')
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
