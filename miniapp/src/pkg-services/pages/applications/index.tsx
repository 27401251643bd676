import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import ApplicationList from '../../../components/application/ApplicationList';
import { useElderMode } from '../../../lib/elder';
import '../../components/page.css';

/** 我的办件: newest first, page by page. */
export default function MyApplicationsPage() {
  const { elderClass } = useElderMode();
  return (
    <View className={`page apps ${elderClass}`}>
      <ApplicationList
        view="mine"
        detailPage="/pkg-services/pages/application/index"
        emptyText="还没有办件，去“办事”看看吧"
        testIdPrefix="apps"
        showEnd
        emptyAction={
          <View className="actions">
            <View
              className="list-end"
              role="button"
              data-testid="apps-go-services"
              onClick={() => Taro.switchTab({ url: '/pages/services/index' })}
            >
              去办事 ›
            </View>
          </View>
        }
      />
    </View>
  );
}
