import { Text, View } from '@tarojs/components';
import ApplicationList from '../../../components/application/ApplicationList';
import { useElderMode } from '../../../lib/elder';
import '../../components/office.css';

/** 审核队列: the community's applications waiting for review, newest first. */
export default function ReviewQueuePage() {
  const { elderClass } = useElderMode();
  return (
    <View className={`page review ${elderClass}`}>
      <View className="office-head">
        <Text className="office-head__title">审核队列</Text>
        <Text className="office-head__sub">本社区待审核的办件，请在承诺时限内办结</Text>
      </View>
      <ApplicationList
        view="review"
        detailPage="/pkg-office/pages/review-detail/index"
        emptyText="暂无待审核的办件"
        testIdPrefix="review"
        showApplicant
      />
    </View>
  );
}
