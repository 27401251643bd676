/**
 * Runs in every test file of the functions and e2e projects: the privacy guard scans every response
 * the file's local stacks give (src/local/privacy-guard.ts) and fails the file on a violation.
 * The number scanned goes to GRIDLINK_GUARD_DIR for the run's summary (scripts/jest-global-teardown.cjs).
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeViolations, startPrivacyGuard } from '../src/local/privacy-guard';

const guard = startPrivacyGuard();

afterAll(() => {
  guard.stop();
  const dir = process.env.GRIDLINK_GUARD_DIR;
  if (dir && guard.scanned > 0) {
    const file = expect.getState().testPath ?? 'unknown';
    const seen = [...new Set(describeViolations(guard.violations, Infinity).split('\n'))].filter(Boolean);
    const record = { file, scanned: guard.scanned, violations: guard.violations.length, seen };
    writeFileSync(join(dir, `${process.pid}-${randomBytes(4).toString('hex')}.json`), JSON.stringify(record));
  }
  if (guard.violations.length)
    throw new Error(
      `privacy guard: ${guard.violations.length} of ${guard.scanned} responses leaked ` +
        `personal data to a reader whose relation does not allow it:\n${describeViolations(guard.violations)}`,
    );
});
