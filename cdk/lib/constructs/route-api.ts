/**
 * The HTTP API built from THE route table (functions/src/routes/): one route per cloud route to
 * its area's function, `$default` to the system function (contract-shaped 404/405).
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  CorsHttpMethod,
  DomainName,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteDef } from '../../../functions/src/routes';

/** Routes limited to some stages (dev-login: local/test) never reach the cloud. */
export const cloudRoutes = (routes: readonly RouteDef[]) => routes.filter((r) => !r.stages?.length);

export interface RouteApiProps {
  stage: string;
  routes: readonly RouteDef[];
  /** the function of each area */
  functions: ReadonlyMap<string, IFunction>;
  /** area answering `$default` */
  fallbackArea: string;
  allowedOrigins: string[];
  throttle: { rateLimit: number; burstLimit: number };
  customDomain?: { domainName: string; certificateArn: string };
}

const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  time: '$context.requestTimeEpoch',
  method: '$context.httpMethod',
  path: '$context.path',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  error: '$context.error.message',
  userAgent: '$context.identity.userAgent',
};

export class RouteApi extends Construct {
  readonly api: HttpApi;
  /** each deployed route with its definition, by route id */
  readonly routes = new Map<string, { def: RouteDef; route: HttpRoute }>();
  /** `$default`: the fallback area's contract-shaped 404/405 */
  readonly defaultRoute: HttpRoute;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  readonly domain?: DomainName;
  private readonly domainName?: string;

  constructor(scope: Construct, id: string, props: RouteApiProps) {
    super(scope, id);
    this.domainName = props.customDomain?.domainName;
    const integrations = new Map<string, HttpLambdaIntegration>();
    const integration = (area: string) => {
      let it = integrations.get(area);
      if (!it) {
        const fn = props.functions.get(area);
        if (!fn) throw new Error(`no function for area "${area}"`);
        // one invoke permission per function (API-wide), not one per route: keeps the policy small
        it = new HttpLambdaIntegration(`${area}Integration`, fn, { scopePermissionToRoute: false });
        integrations.set(area, it);
      }
      return it;
    };

    this.api = new HttpApi(this, 'Api', {
      apiName: `gridlink-${props.stage}`,
      description: `GridLink (网格通) ${props.stage} API`,
      createDefaultStage: false,
      defaultIntegration: integration(props.fallbackArea),
      // no browser origin configured: no CORS at all (the WeChat client needs none)
      corsPreflight: props.allowedOrigins.length
        ? {
            allowOrigins: props.allowedOrigins,
            allowMethods: [
              CorsHttpMethod.GET,
              CorsHttpMethod.POST,
              CorsHttpMethod.PUT,
              CorsHttpMethod.DELETE,
              CorsHttpMethod.OPTIONS,
            ],
            allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-device-id'],
            maxAge: Duration.days(1),
          }
        : undefined,
    });

    this.defaultRoute = this.api.node.findChild('DefaultRoute') as HttpRoute;

    for (const def of cloudRoutes(props.routes)) {
      const route = new HttpRoute(this, `Route-${def.id}`, {
        httpApi: this.api,
        routeKey: HttpRouteKey.with(def.path, HttpMethod[def.method]),
        integration: integration(def.area),
      });
      this.routes.set(def.id, { def, route });
    }

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    if (props.customDomain) {
      this.domain = new DomainName(this, 'Domain', {
        domainName: props.customDomain.domainName,
        certificate: Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
      });
    }
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      domainMapping: this.domain && { domainName: this.domain },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
  }

  /** the custom domain's URL when there is one, else the execute-api URL */
  get url(): string {
    return this.domainName ? `https://${this.domainName}/` : this.stage.url;
  }
}
