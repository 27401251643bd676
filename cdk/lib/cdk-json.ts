/**
 * The context of the root cdk.json (feature flags, cli settings), so that the app synthesizes
 * the same template whether the CLI runs from the root, from cdk/, or a test builds the stack.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const CDK_JSON = path.resolve(__dirname, '../../cdk.json');

export function cdkJsonContext(): Record<string, unknown> {
  return JSON.parse(readFileSync(CDK_JSON, 'utf8')).context ?? {};
}
