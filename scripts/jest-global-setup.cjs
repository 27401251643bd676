/**
 * One in-memory DynamoDB Local for the whole jest run, on a free port. Its endpoint reaches the
 * workers through the environment. A detached watchdog kills java if jest dies without teardown.
 */
require('tsx/cjs');
module.exports = async () => {
  const guardDir = require('node:path').join(require('node:os').tmpdir(), `gridlink-guard-${process.pid}`);
  require('node:fs').mkdirSync(guardDir, { recursive: true });
  process.env.GRIDLINK_GUARD_DIR = guardDir;
  if (process.env.DYNAMODB_ENDPOINT) return; // an external one was given
  const { startDynamoLocal } = require('../functions/src/local/dynamodb.ts');
  const handle = await startDynamoLocal({});
  process.env.DYNAMODB_ENDPOINT = handle.endpoint;
  globalThis.__GRIDLINK_DYNAMO__ = handle;
};
