#!/usr/bin/env node
/**
 * `npm test`: type-checks every workspace and builds the mini-program for weapp and h5 (the smoke and browser tests use the
 * real output), then runs every jest project: shared + functions (unit and DynamoDB Local
 * integration), cdk, miniapp components, weapp smoke, browser end-to-end.
 * `npm test -- --no-build` reuses existing builds; other arguments go to jest.
 */
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const noBuild = args.includes('--no-build');
const jestArgs = args.filter((a) => a !== '--no-build');
const t0 = Date.now();
const say = (m) => console.log(`[test ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${m}`);

function run(cmd, argv, label) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(cmd, argv, {
      stdio: label ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    let out = '';
    child.stdout?.on('data', (d) => (out = (out + d).slice(-20000)));
    child.stderr?.on('data', (d) => (out = (out + d).slice(-20000)));
    const forward = (sig) => child.kill(sig);
    process.once('SIGINT', forward);
    process.once('SIGTERM', forward);
    child.on('exit', (code) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      if (code === 0) {
        if (label) say(`${label} ✔ (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        resolve();
      } else {
        if (label) console.error(out);
        reject(new Error(`${label ?? cmd} failed (exit ${code})`));
      }
    });
  });
}

try {
  if (!noBuild) {
    say('type-checking and building the mini-program (weapp and h5) …');
    await Promise.all([
      run('npm', ['run', 'typecheck'], 'typecheck (shared, functions, cdk, miniapp)'),
      run('npm', ['run', 'lint'], 'lint (eslint, prettier, layer rules)'),
      run('npm', ['run', 'build:weapp', '-w', 'miniapp'], 'weapp build'),
      run('npm', ['run', 'build:h5', '-w', 'miniapp'], 'h5 build'),
    ]);
  }
  say('running jest (all projects) …');
  // --forceExit: a test that times out may leave a server of its own behind; the run must still end
  // (DynamoDB Local is stopped by the global teardown, and by its watchdog if jest itself dies)
  await run('npx', ['jest', '--forceExit', ...jestArgs]);
  say('all tests passed');
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
