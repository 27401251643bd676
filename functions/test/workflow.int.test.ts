/**
 * The workflow kernel over every workflow table (shared/src/workflows), against DynamoDB Local:
 * every move from every state — the allowed ones commit (new state, version + 1, timeline event,
 * audit record, counters), the refused ones answer INVALID_TRANSITION and change nothing; a move
 * by someone the table does not name is FORBIDDEN; a stale read is VERSION_CONFLICT; a required
 * note is enforced. The API-level suites drive the same kernel through each workflow's routes.
 */
import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Workflow } from '@gridlink/shared/workflow';
import { WORKFLOWS } from '@gridlink/shared/workflows/index';
import { db, table } from '../src/data/client';
import { conditionalPut } from '../src/data/item';
import { commit, type Binding, type Entity } from '../src/domain/workflow/kernel';
import { ensureTable } from '../src/local/table';

interface TestItem extends Entity {
  gridPath: string[];
}

const PATH = ['wf-d', 'wf-s', 'wf-c'];
const key = (id: string) => ({ PK: `WFTEST#${id}`, SK: 'ITEM' });
const bindingOf = (w: Workflow): Binding<TestItem> => ({
  workflow: w,
  put: (after, expected) => conditionalPut({ ...key(after.id), ...after }, expected),
  eventPut: (after, e) => ({
    Put: { TableName: table(), Item: { PK: `WFTEST#${after.id}`, SK: `EVT#${e.id}`, ...e } },
  }),
  gridPath: (i) => i.gridPath,
  counterPrefix: `wf_${w.name}`,
  openCounter: !(w.states as readonly string[]).includes('open'),
});
const actor = { id: 'wf-actor', name: '测试', role: 'grid_worker' };
const now = () => new Date().toISOString();
let n = 0;
const newId = () => `${Date.now()}-${n++}-${randomBytes(3).toString('hex')}`;

async function stored(id: string) {
  const { Item } = await db().send(new GetCommand({ TableName: table(), Key: key(id) }));
  return Item;
}
async function events(id: string) {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :e)',
      ExpressionAttributeValues: { ':pk': `WFTEST#${id}`, ':e': 'EVT#' },
    }),
  );
  return out.Items ?? [];
}
async function seedAt(status: string): Promise<TestItem> {
  const item: TestItem = { id: newId(), status, version: 1, updatedAt: now(), gridPath: PATH };
  await db().send(new PutCommand({ TableName: table(), Item: { ...key(item.id), ...item } }));
  return item;
}

beforeAll(async () => {
  process.env.TABLE_NAME = `wf-${randomBytes(4).toString('hex')}`;
  await ensureTable(process.env.TABLE_NAME);
});

describe.each(WORKFLOWS.map((w) => [w.name, w] as const))('workflow %s', (_name, w: Workflow) => {
  const moves = Object.entries(w.moves);
  it('has a name for every state and only known states in its moves', () => {
    for (const s of w.states) expect(w.stateNames[s]).toBeTruthy();
    for (const [, m] of moves) {
      for (const f of m.from) expect(w.states).toContain(f);
      if (m.to !== 'same') expect(w.states).toContain(m.to);
      expect(m.by.length).toBeGreaterThan(0);
    }
    for (const s of w.open) expect(w.states).toContain(s);
  });

  for (const [move, m] of moves) {
    const note = m.noteRequired ? '说明' : undefined;
    if (m.from.length === 0) {
      it(`${move} creates the item in ${m.to}`, async () => {
        const after: TestItem = { id: newId(), status: '', version: 0, updatedAt: '', gridPath: PATH };
        const { item } = await commit(bindingOf(w), { move, actor, as: m.by, after, note, now: now() });
        expect(item).toMatchObject({ status: m.to, version: 1 });
        expect((await stored(item.id))?.status).toBe(m.to);
        expect(await events(item.id)).toHaveLength(1);
      });
      continue;
    }
    for (const state of w.states) {
      const allowed = m.from.includes(state);
      const expected = m.to === 'same' ? state : m.to;
      it(`${move} from ${state} → ${allowed ? expected : 'refused'}`, async () => {
        const before = await seedAt(state);
        const run = () =>
          commit(bindingOf(w), { move, actor, as: m.by, before, after: { ...before }, note, now: now() });
        if (allowed) {
          const { item, event } = await run();
          expect(item).toMatchObject({ status: expected, version: 2 });
          expect(await stored(before.id)).toMatchObject({ status: expected, version: 2 });
          expect(event).toMatchObject({ action: move, from: state, to: expected });
          expect(await events(before.id)).toHaveLength(1);
        } else {
          await expect(run()).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
          expect(await stored(before.id)).toMatchObject({ status: state, version: 1 });
          expect(await events(before.id)).toHaveLength(0);
        }
      });
    }
    it(`${move} by someone the table does not name → FORBIDDEN`, async () => {
      const before = m.from.length ? await seedAt(m.from[0]) : undefined;
      const after = before ?? { id: newId(), status: '', version: 0, updatedAt: '', gridPath: PATH };
      await expect(
        commit(bindingOf(w), { move, actor, as: ['nobody'], before, after: { ...after }, note, now: now() }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
    if (m.from.length) {
      // a move raced for (firstWins) tells the loser who won instead: INVALID_TRANSITION with its words
      const lost = m.firstWins ? { code: 'INVALID_TRANSITION', message: m.firstWins } : { code: 'VERSION_CONFLICT' };
      it(`${move} on a stale read → ${lost.code}, nothing written`, async () => {
        const before = await seedAt(m.from[0]);
        await db().send(new PutCommand({ TableName: table(), Item: { ...key(before.id), ...before, version: 2 } }));
        await expect(
          commit(bindingOf(w), { move, actor, as: m.by, before, after: { ...before }, note, now: now() }),
        ).rejects.toMatchObject(lost);
        expect(await events(before.id)).toHaveLength(0);
      });
    }
    if (m.noteRequired)
      it(`${move} without its required note → VALIDATION_FAILED`, async () => {
        const before = m.from.length ? await seedAt(m.from[0]) : undefined;
        const after = before ?? { id: newId(), status: '', version: 0, updatedAt: '', gridPath: PATH };
        await expect(
          commit(bindingOf(w), { move, actor, as: m.by, before, after: { ...after }, now: now() }),
        ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      });
  }
});
