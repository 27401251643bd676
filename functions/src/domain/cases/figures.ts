/** Dispute and petition dashboard figures, from the write-time counters of one grid node. */
import type * as z from 'zod';
import type { DisputeStats, PetitionStats } from '@gridlink/shared/stats';
import { DISPUTE_KINDS, DISPUTE_STATUSES, LEVELS, PETITION_STATUSES, REFERRALS } from '@gridlink/shared/names';

const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);
const pick = <K extends string>(list: readonly K[], f: (k: K) => number) =>
  Object.fromEntries(list.map((k) => [k, f(k)])) as Record<K, number>;

export function disputeFigures(c: Record<string, number>): z.infer<typeof DisputeStats> {
  const n = (k: string) => c[k] ?? 0;
  const agreed = n('disp_agreed_total');
  const failed = n('disp_failed_total');
  return {
    total: n('disp_total'),
    open: n('disp_open'),
    byStatus: pick(DISPUTE_STATUSES, (s) => n(`disp_${s}`)),
    byKind: Object.fromEntries(
      DISPUTE_KINDS.map((k) => [
        k,
        { total: n(`disp_kind_${k}`), agreed: n(`disp_${k}_agreed`), failed: n(`disp_${k}_failed`) },
      ]),
    ),
    agreed,
    failed,
    agreementRate: ratio(agreed, agreed + failed),
    mediatedOnSpot: n('disp_mediated_grid'),
    mediatedByCommunity: n('disp_mediated_community'),
    mediatedByStreet: n('disp_mediated_street') + n('disp_mediated_district'),
    referrals: pick(REFERRALS, (r) => n(`disp_ref_${r}`)),
    escalated: n('disp_escalated'),
    sessions: n('disp_sessions'),
  };
}

export function petitionFigures(c: Record<string, number>): z.infer<typeof PetitionStats> {
  const n = (k: string) => c[k] ?? 0;
  return {
    total: n('pet_total'),
    open: n('pet_open'),
    byStatus: pick(PETITION_STATUSES, (s) => n(`pet_${s}`)),
    firstVisits: n('pet_first_visit'),
    forwarded: n('pet_forwarded'),
    escalated: n('pet_escalated'),
    overdue: n('pet_overdue'),
    settledByLevel: pick(LEVELS, (l) => n(`pet_settled_${l}`)),
    firstVisitConcluded: n('pet_first_concluded'),
    firstVisitSettledInGrid: n('pet_first_in_grid'),
    firstVisitSettledInGridRate: ratio(n('pet_first_in_grid'), n('pet_first_concluded')),
    keyCases: { total: n('pet_key_total'), open: n('pet_key_open'), closed: n('pet_key_closed') },
    byProxy: n('pet_by_proxy'),
    handlingOnline: n('pet_progress_online'),
    handlingOffline: n('pet_progress_offline'),
    rated: n('pet_rated'),
    averageStars: n('pet_rated') ? Math.round((n('pet_stars_sum') / n('pet_rated')) * 100) / 100 : null,
    satisfiedRate: ratio(n('pet_satisfied'), n('pet_rated')),
  };
}
