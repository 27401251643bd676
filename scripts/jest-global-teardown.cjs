const fs = require('node:fs');
const path = require('node:path');

/** The privacy guard's figures of the run: responses scanned over every suite, violations. */
function guardSummary() {
  const dir = process.env.GRIDLINK_GUARD_DIR;
  if (!dir || !fs.existsSync(dir)) return;
  const records = fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  if (process.env.GRIDLINK_GUARD_KEEP)
    fs.writeFileSync(process.env.GRIDLINK_GUARD_KEEP, JSON.stringify(records, null, 1));
  fs.rmSync(dir, { recursive: true, force: true });
  if (!records.length) return;
  const sum = (k) => records.reduce((s, r) => s + r[k], 0);
  process.stdout.write(
    `\nprivacy guard: ${sum('scanned')} responses scanned in ${records.length} test files, ` +
      `${sum('violations')} violations\n`,
  );
}

module.exports = async () => {
  guardSummary();
  await globalThis.__GRIDLINK_DYNAMO__?.stop();
};
