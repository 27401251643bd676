/**
 * Configuration read from the environment at call time (tests and the local stack set it after
 * import). Cloud: CDK sets these on each function.
 */
export type Stage = 'local' | 'test' | 'dev' | 'prod';

const STAGES: readonly string[] = ['local', 'test', 'dev', 'prod'];

export const config = {
  /**
   * Fails closed: an unset or unknown STAGE is production (no dev-login, no development keys).
   * The local stack, jest (functions/test/env.cjs), the bench and CDK set it explicitly.
   */
  get stage(): Stage {
    const s = process.env.STAGE ?? '';
    return STAGES.includes(s) ? (s as Stage) : 'prod';
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
  /** the district whose public scoreboard the daily job computes */
  get districtId(): string {
    return process.env.DISTRICT_ID || 'hz';
  },
  /** closed requests a community needs in 90 days to be ranked on the public scoreboard */
  get scoreboardMinSample(): number {
    return Number(process.env.SCOREBOARD_MIN_SAMPLE || 30);
  },
  get isLocal(): boolean {
    return this.stage === 'local' || this.stage === 'test';
  },
};
