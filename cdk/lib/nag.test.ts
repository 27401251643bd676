/**
 * cdk-nag, AwsSolutions pack, over the whole stack: no unsuppressed error or warning, and every
 * suppression (lib/nag-suppressions.ts) has a reason, is written into the template and is used.
 * An unsuppressed error already fails synthesis (the feature flag
 * @aws-cdk/core:annotationsInValidationReport turns error annotations into a failed validation
 * report, printed with the finding); warnings reach the expectations below.
 */
import { App, Aspects, type CfnResource } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import type { SynthesisMessage } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { cdkJsonContext } from './cdk-json';
import { readConfig } from './config';
import { GridLinkStack } from './gridlink-stack';
import type { NagSuppressionRecord } from './nag-suppressions';

const NAG = Match.stringLikeRegexp('AwsSolutions-.*');
/** the bundles do not change a finding: gridlink-stack.test.ts proves they build */
const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

const CONFIGS: Record<string, Record<string, string>> = {
  prod: { stage: 'prod', wechatAppId: 'wx0123456789abcdef' },
  'dev with custom domain, alarm e-mail, h5 origin': {
    stage: 'dev',
    wechatAppId: 'wx0123456789abcdef',
    allowedOrigins: 'https://h5.gridlink.example.cn',
    alarmEmail: 'ops@gridlink.example.cn',
    apiDomainName: 'api.gridlink.example.cn',
    apiCertificateArn: 'arn:aws-cn:acm:cn-north-1:123456789012:certificate/abc',
  },
};

/** one line per suppression: rule, finding, how many resources, reason */
function suppressionTable(records: readonly NagSuppressionRecord[]): string {
  const rows = records.map((r) => [r.id, r.appliesTo ?? '', String(r.paths.length), r.reason]);
  const head = ['rule', 'applies to', 'resources', 'reason'];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === 3 ? 0 : r[i].length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === 3 ? c : c.padEnd(width[i]))).join(' | ');
  return [line(head), line(width.map((w, i) => '-'.repeat(i === 3 ? 6 : w))), ...rows.map(line)].join('\n');
}

describe.each(Object.entries(CONFIGS))('cdk-nag AwsSolutions: %s', (name, context) => {
  let stack: GridLinkStack;
  let annotations: Annotations;

  beforeAll(() => {
    const app = new App({ context: { ...cdkJsonContext(), ...NO_BUNDLING, ...context } });
    stack = new GridLinkStack(app, `GridLink-${context.stage}`, { config: readConfig(app.node) });
    Aspects.of(stack).add(new AwsSolutionsChecks({ verbose: true, logIgnores: true }));
    annotations = Annotations.fromStack(stack);
  });

  const describeFinding = (m: SynthesisMessage) => `${m.id}: ${String(m.entry.data).split('\n')[0]}`;

  test('0 unsuppressed errors, 0 unsuppressed warnings', () => {
    const errors = annotations.findError('*', NAG).map(describeFinding);
    const warnings = annotations.findWarning('*', NAG).map(describeFinding);
    const records = stack.nagSuppressions;
    const resources = records.reduce((n, r) => n + r.paths.length, 0);
    console.log(
      `cdk-nag AwsSolutions (${name}): ${errors.length} errors, ${warnings.length} warnings; ` +
        `${records.length} suppressions on ${resources} resources\n\n${suppressionTable(records)}`,
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });

  test('each suppression has a reason, is in the template metadata, and suppresses a finding', () => {
    const template = Template.fromStack(stack).toJSON();
    // logIgnores: every suppressed finding is an info annotation on the resource it was found on
    const suppressed = annotations
      .findInfo('*', Match.stringLikeRegexp('CdkNagSuppression'))
      .map((m) => ({ path: m.id, text: String(m.entry.data) }));
    expect(stack.nagSuppressions.length).toBeGreaterThan(0);
    for (const r of stack.nagSuppressions) {
      expect(r.reason.length).toBeGreaterThanOrEqual(40);
      for (const p of r.paths) {
        const construct = stack.node.findAll().find((c) => c.node.path === p)!;
        const cfn = (construct.node.defaultChild ?? construct) as CfnResource;
        const rules = template.Resources[stack.getLogicalId(cfn)].Metadata?.cdk_nag?.rules_to_suppress ?? [];
        expect(rules).toContainEqual({
          id: r.id,
          reason: r.reason,
          ...(r.appliesTo ? { applies_to: [r.appliesTo] } : {}),
        });
        const used = suppressed.some(
          (s) =>
            s.path === `/${cfn.node.path}` &&
            s.text.includes(`${r.id} was triggered`) &&
            (!r.appliesTo || s.text.includes(`[${r.appliesTo}]`)),
        );
        expect({ suppression: `${r.id} ${r.appliesTo ?? ''} on ${p}`, used }).toEqual(
          expect.objectContaining({ used: true }),
        );
      }
    }
  });

  test('never stack-wide', () => {
    expect(Template.fromStack(stack).toJSON().Metadata?.cdk_nag).toBeUndefined();
  });
});
