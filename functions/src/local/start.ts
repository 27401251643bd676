/**
 * `npm start`: the whole product on 127.0.0.1 with progress output; Ctrl-C / SIGTERM stops it
 * cleanly (java included). Flags: --in-memory (no persistence), --rebuild-web (rebuild the h5).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findUp, JAVA_HELP, javaVersion } from './dynamodb';
import { startStack } from './stack';

const t0 = Date.now();
const say = (m: string) => console.log(`[gridlink ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${m}`);

async function main() {
  const root = path.dirname(findUp('package-lock.json') ?? path.resolve('package-lock.json'));
  const args = new Set(process.argv.slice(2));
  const java = javaVersion();
  if (!java || java < 17) {
    console.error(java ? `当前 Java 版本为 ${java}，${JAVA_HELP}` : JAVA_HELP);
    process.exit(1);
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.env.LOG_LEVEL ??= 'warn';
  // the laptop stack says so explicitly: an unset STAGE means production (config.ts)
  process.env.STAGE ??= 'local';
  const webDir = path.join(root, 'miniapp/dist/h5');
  if (!existsSync(path.join(webDir, 'index.html')) || args.has('--rebuild-web')) {
    say('构建 h5 网页版（首次约 30 秒）…');
    const r = spawnSync('npm', ['run', 'build:h5', '-w', 'miniapp'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (r.status !== 0) {
      console.error('h5 构建失败：请查看上面的输出');
      process.exit(1);
    }
  }
  const stack = await startStack({
    dataDir: args.has('--in-memory') ? undefined : path.join(root, '.data/dynamodb'),
    apiPort: Number(process.env.PORT || 3000),
    webPort: Number(process.env.WEB_PORT || 10086),
    webDir,
    workers: true,
    log: say,
  });
  say('就绪 ✔');
  console.log(`
  API         ${stack.apiUrl}   (健康检查 ${stack.apiUrl}/v1/health，文档 ${stack.apiUrl}/openapi.json)
  网页版 h5   ${stack.webUrl}   ← 在浏览器打开，选择演示用户登录
  微信模拟    ${stack.wechatUrl}
  对象存储    ${stack.s3Endpoint}
  DynamoDB    ${stack.dynamoEndpoint}  表 ${stack.tableName}
  演示用户    resident-demo, resident-elder, worker-demo, leader-demo, agent-demo, agent-demo-2,
              community-admin-demo, street-admin-demo, district-admin-demo, office-demo, dept-demo
  按 Ctrl-C 停止。`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`收到 ${signal}，正在停止…`);
    await stack.stop();
    say('已停止');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e) => {
  console.error(`启动失败：${(e as Error).message}`);
  process.exit(1);
});
