import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { listRequests, type RequestStatus } from '../../../api/requests';
import PagedList from '../../../components/PagedList';
import { useSignedInPaged } from '../../../components/usePaged';
import { RequestCard, Tabs } from '../../../components/request/RequestParts';
import { REQUEST_WORKFLOW } from '@gridlink/shared/workflows/requests';
import '../../../components/request/request.css';

type Filter = RequestStatus | '';

/** 全部, the open states (the table's `open`), then the rest; 不予受理 last */
const ORDER: RequestStatus[] = [...REQUEST_WORKFLOW.open, 'resolved', 'closed', 'rejected'];
export const INBOX_TABS: { key: Filter; label: string }[] = [
  { key: '', label: '全部' },
  ...ORDER.map((key) => ({ key, label: REQUEST_WORKFLOW.stateNames[key] })),
];

/** 待办: the requests my grid (or my department) must act on, filtered by status. */
export default function InboxPage() {
  const [status, setStatus] = useState<Filter>('');
  // reloads when back from 办理: statuses have moved
  const list = useSignedInPaged(
    (cursor) => listRequests({ view: 'inbox', status, cursor }, { silent: true }),
    [status],
  );

  const label = INBOX_TABS.find((t) => t.key === status)?.label ?? '';
  return (
    <View className="page">
      <Tabs tabs={INBOX_TABS} value={status} onChange={setStatus} testIdPrefix="inbox-tab" />
      <PagedList
        list={list}
        emptyText={status ? `没有“${label}”的诉求` : '暂无待办诉求'}
        testId="inbox-list"
        render={(r) => (
          <RequestCard
            key={r.id}
            request={r}
            showReporter
            onTap={() => Taro.navigateTo({ url: `/pkg-staff/pages/handle/index?id=${encodeURIComponent(r.id)}` })}
          />
        )}
      />
    </View>
  );
}
