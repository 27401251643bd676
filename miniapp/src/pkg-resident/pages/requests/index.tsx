import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { listRequests } from '../../../api/requests';
import PagedList from '../../../components/PagedList';
import { useSignedInPaged } from '../../../components/usePaged';
import { RequestCard } from '../../../components/request/RequestParts';
import '../../../components/request/request.css';
import { useElderMode } from '../../../lib/elder';

/** 我的诉求: what I reported (and joined with 我也遇到), newest first. */
export default function MyRequestsPage() {
  const { elderClass } = useElderMode();
  // reloads when back from a request (rated, …): shows the new statuses
  const list = useSignedInPaged((cursor) => listRequests({ view: 'mine', cursor }, { silent: true }));

  const report = () => Taro.navigateTo({ url: '/pkg-resident/pages/report/index' });
  return (
    <View className={`page ${elderClass}`}>
      <PagedList
        list={list}
        emptyText="您还没有提交过诉求，遇到问题可以随手报"
        testId="requests-list"
        render={(r) => (
          <RequestCard
            key={r.id}
            request={r}
            onTap={() => Taro.navigateTo({ url: `/pkg-resident/pages/request/index?id=${encodeURIComponent(r.id)}` })}
          />
        )}
      />
      {!list.loading && (
        <View className="actions">
          <Button block type="primary" data-testid="requests-report" onClick={report}>
            我要报事
          </Button>
        </View>
      )}
    </View>
  );
}
