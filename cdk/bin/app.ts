/**
 * The CDK app: one stack per stage, `GridLink-<stage>` (context `stage`, default prod).
 * The stack is environment-agnostic (partition and region are resolved at deploy time), so the
 * same template deploys to cn-north-1 / cn-northwest-1 (aws-cn) or any global region.
 */
import { App } from 'aws-cdk-lib';
import { cdkJsonContext } from '../lib/cdk-json';
import { readConfig } from '../lib/config';
import { GridLinkStack } from '../lib/gridlink-stack';

// CLI context (-c, cdk.json) overrides these defaults
const app = new App({ context: cdkJsonContext() });
const config = readConfig(app.node);
new GridLinkStack(app, `GridLink-${config.stage}`, {
  config,
  description: `GridLink (网格通) ${config.stage}: HTTP API, functions, table, attachments, alarms`,
});
