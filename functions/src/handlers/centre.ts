import type { AssessmentWeights, SuperviseBody } from '@gridlink/shared/centre';
import { createAreaHandler } from '../http/handler';
import { centreRoutes } from '../routes/centre';
import type { Action } from '../http/context';
import { centreFigures, centreQueue, exportFigures, QUEUE_COLUMNS } from '../domain/centre/read';
import { centreRanking, RANKING_COLUMNS } from '../domain/centre/ranking';
import { exportTable } from '../domain/centre/export';
import { superviseRequest } from '../domain/centre/supervise';
import { readScoreboard } from '../domain/centre/scoreboard';
import { readWeights, setWeights } from '../domain/assessment/weights';
import { communityBreakdown, workerBreakdown } from '../domain/assessment/read';

const xlsx = (q: Record<string, unknown>) => q.format === 'xlsx';

export const actions: Record<string, Action> = {
  'centre.figures': async (ctx) => {
    const answer = await centreFigures(ctx.actor!, ctx.query as never, ctx.now);
    return xlsx(ctx.query) ? exportFigures(ctx.actor!, answer, ctx.now) : answer;
  },
  'centre.queue': async (ctx) => {
    const p = await centreQueue(ctx.actor!, ctx.query as never);
    return xlsx(ctx.query) ? exportTable(ctx.actor!.id, '督办队列', QUEUE_COLUMNS, p.items, ctx.now) : p;
  },
  'centre.ranking': async (ctx) => {
    const r = await centreRanking(ctx.actor!, ctx.query as never, ctx.now);
    if (!xlsx(ctx.query)) return r;
    const workers = ctx.query.table === 'workers';
    const rows = (workers ? r.workers : r.communities).map((x) => ({
      rank: x.rank,
      name: x.name,
      score: x.score,
      ...Object.fromEntries(x.lines.map((l) => [l.key, l.value])),
    }));
    const title = `${workers ? '网格员' : '社区'}考核排名-${r.month}`;
    return exportTable(ctx.actor!.id, title, RANKING_COLUMNS[workers ? 'worker' : 'community'], rows, ctx.now);
  },
  'centre.urge': async (ctx) =>
    superviseRequest(ctx.actor!, ctx.params.id as string, 'urge', ctx.body as SuperviseBody, ctx.now),
  'centre.supervise': async (ctx) =>
    superviseRequest(ctx.actor!, ctx.params.id as string, 'supervise', ctx.body as SuperviseBody, ctx.now),
  'centre.scoreboard': async () => readScoreboard(),
  'centre.weights': async (ctx) => readWeights(ctx.actor!),
  'centre.setWeights': async (ctx) =>
    setWeights(ctx.actor!, ctx.body as AssessmentWeights & { version?: number }, ctx.now),
  'centre.workerAssessment': async (ctx) =>
    workerBreakdown(ctx.actor!, ctx.params.id as string, ctx.query.month as string | undefined, ctx.now),
  'centre.communityAssessment': async (ctx) =>
    communityBreakdown(ctx.actor!, ctx.params.id as string, ctx.query.month as string | undefined, ctx.now),
};

export const handler = createAreaHandler(actions, centreRoutes);
