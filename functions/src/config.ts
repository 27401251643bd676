/**
 * Configuration read from the environment at call time (tests and the local stack set it after
 * import). Cloud: CDK sets these on each function.
 */
export type Stage = 'local' | 'test' | 'dev' | 'prod';

const STAGES: readonly string[] = ['local', 'test', 'dev', 'prod'];

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return process.env[name] !== undefined && process.env[name] !== '' && Number.isFinite(v) ? v : fallback;
};

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
  /** issue 14 (deptflow): hours a department has to 报到 a dispatched request */
  get deptSignHours(): number {
    return num('DEPT_SIGN_HOURS', 2);
  },
  /** share (0..1) of 3★ ratings sampled for a call-back; of 5★ ratings for an audit call-back */
  get callbackSample3(): number {
    return num('CALLBACK_SAMPLE_3STAR', 0.2);
  },
  get auditSample5(): number {
    return num('AUDIT_SAMPLE_5STAR', 0.2);
  },
  /** more ratings than this in one grid and minute are flagged as a burst */
  get ratingBurstLimit(): number {
    return num('RATING_BURST_LIMIT', 5);
  },
  /** a recipient with more than `digestAbove` notices within `digestWindowMinutes` gets one digest */
  get digestAbove(): number {
    return num('NOTIFY_DIGEST_ABOVE', 3);
  },
  get digestWindowMinutes(): number {
    return num('NOTIFY_DIGEST_WINDOW_MINUTES', 10);
  },
  /** staff are told this many hours before an item falls due */
  get dueSoonHours(): number {
    return num('DUE_SOON_HOURS', 2);
  },
  /** days a device seen with a staff token is remembered (TTL) */
  get staffDeviceDays(): number {
    return num('STAFF_DEVICE_DAYS', 90);
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
