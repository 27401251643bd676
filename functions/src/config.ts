/**
 * Configuration read from the environment at call time (tests and the local stack set it after
 * import). Cloud: CDK sets these on each function.
 */
export type Stage = 'local' | 'test' | 'dev' | 'prod';

export const config = {
  get stage(): Stage {
    return (process.env.STAGE as Stage) || 'local';
  },
  get tableName(): string {
    return process.env.TABLE_NAME || 'gridlink';
  },
  get dynamoEndpoint(): string | undefined {
    return process.env.DYNAMODB_ENDPOINT || undefined;
  },
  get region(): string {
    return process.env.AWS_REGION || 'cn-north-1';
  },
  get wechatBaseUrl(): string {
    return process.env.WECHAT_BASE_URL || 'https://api.weixin.qq.com';
  },
  get wechatAppId(): string {
    return process.env.WECHAT_APP_ID || 'wx-local-demo';
  },
  /** seconds a token lives */
  get tokenTtl(): number {
    return Number(process.env.TOKEN_TTL_SECONDS || 7 * 24 * 3600);
  },
  /** largest JSON body accepted (bytes) */
  maxBodyBytes: 64 * 1024,
  get isLocal(): boolean {
    return this.stage === 'local' || this.stage === 'test';
  },
};
