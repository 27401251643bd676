/** The centre's queue: open requests in some inboxes that are overdue or handled at street/district level. */
import { REQUEST_WORKFLOW } from '@gridlink/shared/workflows/requests';
import { fromItem } from './item';
import { keys } from './keys';
import { queryMerged, type PageRequest } from './query';
import type { RequestItem } from './requests';

export function inboxOverdueOrEscalated(inboxes: readonly string[], page: PageRequest) {
  const values: Record<string, unknown> = { ':t': true, ':st': 'street', ':di': 'district' };
  REQUEST_WORKFLOW.open.forEach((s, i) => (values[`:o${i}`] = s));
  const filter = {
    FilterExpression: `#st IN (${REQUEST_WORKFLOW.open.map((_, i) => `:o${i}`).join(', ')}) AND (overdue = :t OR #lv IN (:st, :di))`,
    ExpressionAttributeNames: { '#st': 'status', '#lv': 'level' },
    ExpressionAttributeValues: values,
  };
  return queryMerged(
    { index: 'GSI2', newestFirst: true, sources: inboxes.map((o) => ({ pk: keys.inboxPk(o), filter })) },
    page,
    (i) => fromItem<RequestItem>(i),
  );
}
