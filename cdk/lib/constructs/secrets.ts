/**
 * Secrets live in Secrets Manager only: functions get their ARNs in the environment and read them
 * at cold start; no secret value is ever in the template or in an environment variable.
 */
import { RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/** The WeChat secret's value until an operator sets the real one. */
export const WECHAT_SECRET_PLACEHOLDER = 'SET-ME';

export class AppSecrets extends Construct {
  /** HMAC key that signs the API's bearer tokens */
  readonly tokenKey: Secret;
  /** the mini-program's AppSecret (code2Session, subscribe messages) */
  readonly wechat: Secret;
  /** the message-push token WeChat signs its callbacks with (POST /wechat/push) */
  readonly wechatPushToken: Secret;

  constructor(scope: Construct, id: string, props: { stage: string }) {
    super(scope, id);
    this.tokenKey = new Secret(this, 'TokenSigningKey', {
      description: `GridLink ${props.stage}: HMAC key signing API tokens (rotating it signs everyone out)`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.wechat = new Secret(this, 'WechatAppSecret', {
      description:
        `GridLink ${props.stage}: WeChat mini-program AppSecret. Operators set it: ` +
        'aws secretsmanager put-secret-value --secret-id <arn> --secret-string <AppSecret>',
      // a placeholder, not a secret: the real value never passes through CloudFormation
      secretStringValue: SecretValue.unsafePlainText(WECHAT_SECRET_PLACEHOLDER),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.wechatPushToken = new Secret(this, 'WechatPushToken', {
      description:
        `GridLink ${props.stage}: WeChat message-push Token. Operators copy it into the mini-program admin console ` +
        '(开发管理 → 消息推送, 明文模式, URL <api>/wechat/push)',
      generateSecretString: { passwordLength: 32, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
