/** The command centre, the public scoreboard and 考核 (types only from shared: zod stays out of the bundle). */
import Taro from '@tarojs/taro';
import type {
  Assessment,
  ExportLink,
  FiguresAnswer,
  PeriodQuery,
  QueueItem,
  Scoreboard,
} from '@gridlink/shared/centre';
import { api, newIdempotencyKey, type RequestOptions } from './client';
import type { Page } from './endpoints';

export type { Assessment, FiguresAnswer, QueueItem, Scoreboard };
export type Period = PeriodQuery;
export interface RankingRow extends Omit<Assessment, 'counters'> {
  rank: number;
}
export interface Ranking {
  month: string;
  gridId: string;
  communities: RankingRow[];
  workers: RankingRow[];
}

const enc = encodeURIComponent;
const q = (gridId: string | undefined, p: Period, extra: Record<string, string | number | undefined> = {}) => ({
  gridId,
  period: p.period,
  date: p.date,
  from: p.from,
  to: p.to,
  ...extra,
});

/** public: no token */
export const getScoreboard = (opts?: RequestOptions) => api.get<Scoreboard>('/v1/scoreboard', opts);

export const getFigures = (gridId: string | undefined, p: Period) =>
  api.get<FiguresAnswer>('/v1/centre/figures', { query: q(gridId, p) });
export const getQueue = (gridId: string | undefined, cursor?: string | null) =>
  api.get<Page<QueueItem>>('/v1/centre/queue', { query: { gridId, limit: 20, cursor } });
export const getRanking = (gridId: string | undefined) => api.get<Ranking>('/v1/centre/ranking', { query: { gridId } });

export const urge = (id: string, version: number, note?: string) =>
  api.post<QueueItem>(
    `/v1/requests/${enc(id)}/urge`,
    { version, ...(note ? { note } : {}) },
    {
      idempotencyKey: newIdempotencyKey(),
    },
  );
export const supervise = (id: string, version: number) =>
  api.post<QueueItem>(`/v1/requests/${enc(id)}/supervise`, { version }, { idempotencyKey: newIdempotencyKey() });

export const getWorkerAssessment = (userId: string, month?: string) =>
  api.get<Assessment>(`/v1/assessment/workers/${enc(userId)}`, { query: { month } });

export type ExportTable = 'figures' | 'queue' | 'communities' | 'workers';

/** the table as .xlsx: the server writes it and answers a short-lived link (as the import template) */
export async function exportXlsx(table: ExportTable, gridId: string | undefined, p: Period) {
  const link =
    table === 'figures'
      ? await api.get<ExportLink>('/v1/centre/figures', { query: q(gridId, p, { format: 'xlsx' }) })
      : table === 'queue'
        ? await api.get<ExportLink>('/v1/centre/queue', { query: { gridId, limit: 100, format: 'xlsx' } })
        : await api.get<ExportLink>('/v1/centre/ranking', { query: { gridId, table, format: 'xlsx' } });
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = link.url;
    a.download = link.fileName;
    a.style.display = 'none';
    a.setAttribute('data-testid', 'export-link');
    document.body.appendChild(a);
    a.click();
    setTimeout(() => a.remove(), 10000);
    return link;
  }
  const { tempFilePath } = await Taro.downloadFile({ url: link.url });
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
  return link;
}
