#!/usr/bin/env node
/**
 * WeChat's own code-quality check (miniprogram-ci `checkCodeQuality`, the 代码质量 panel of
 * DevTools) on the built mini-program, offline:
 *
 *   node miniapp/scripts/weapp-quality.cjs [dist/weapp]
 *
 * Prints one line `RESULT <json>` with the check items ({name, success, text, detail?}) and exits.
 * It runs in its own process on purpose: miniprogram-ci leaves a file watcher open (its code
 * analyser never closes it) and some of its calls reject without a handler; here neither can
 * hang or crash the caller. The upload key is a throwaway RSA key made in a temp dir — the check
 * never contacts WeChat. The appid is read from the output's project.config.json.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');

const projectPath = path.resolve(process.argv[2] || path.join(__dirname, '../dist/weapp'));
const rejections = [];
process.on('unhandledRejection', (e) => {
  rejections.push(String((e && e.message) || e));
  process.stderr.write(`miniprogram-ci: unhandled rejection (ignored): ${rejections[rejections.length - 1]}\n`);
});
const timer = setTimeout(() => {
  process.stderr.write('miniprogram-ci: checkCodeQuality did not answer in 120 s\n');
  process.exit(2);
}, 120_000);

async function main() {
  if (!fs.existsSync(path.join(projectPath, 'app.json')))
    throw new Error(`no app.json in ${projectPath}: build first (npm run build:weapp -w miniapp)`);
  let appid = 'touristappid';
  try {
    appid = JSON.parse(fs.readFileSync(path.join(projectPath, 'project.config.json'), 'utf8')).appid || appid;
  } catch {
    // no project.config.json in the output: the tourist appid
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-mpci-'));
  try {
    const keyPath = path.join(dir, `private.${appid}.key`);
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    fs.writeFileSync(keyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });
    const ci = require('miniprogram-ci');
    const project = new ci.Project({
      appid,
      type: 'miniProgram',
      projectPath,
      privateKeyPath: keyPath,
      ignores: ['node_modules/**/*'],
    });
    const items = await ci.checkCodeQuality(project);
    return { appid, projectPath, items, rejections };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (result) => {
    clearTimeout(timer);
    process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`, () => process.exit(0));
  },
  (e) => {
    clearTimeout(timer);
    process.stderr.write(`miniprogram-ci: ${(e && e.stack) || e}\n`);
    process.exit(1);
  },
);
