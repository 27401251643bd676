import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { getAgentProfile } from '../../../api/proxy';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { useElderMode } from '../../../lib/elder';
import { starText } from '../../../components/Rating';
import { useViewer } from '../../../components/useViewer';
import '../../components/proxy.css';

/** 代办员档案: tasks done (代办人次), average rating, number of ratings. */
export default function AgentPage() {
  const { params } = useRouter();
  const { elderClass } = useElderMode();
  const me = useViewer();
  const id = params.id || me.data?.id || '';
  const profile = useAsync(() => getAgentProfile(id), [id], me.signedIn && !!id);
  const p = profile.data;
  const self = !!p && p.id === me.data?.id;
  return (
    <View className={`page pagent ${elderClass}`}>
      <StateView
        loading={(profile.loading || (me.loading && !params.id)) && !p}
        error={p ? null : profile.error || (params.id ? null : me.error)}
        onRetry={profile.reload}
      >
        {p && (
          <>
            <View className="pbanner">
              <Text className="pbanner__title" data-testid="agent-name">
                {p.name}
              </Text>
              <Text className="pbanner__sub">红色代办员 · 为独居老人、残疾人办实事</Text>
            </View>
            <View className="pstat">
              <View className="pstat__item">
                <Text className="pstat__num" data-testid="agent-done">
                  {p.tasksDone}
                </Text>
                <Text className="pstat__label">代办人次</Text>
              </View>
              <View className="pstat__item">
                <Text className="pstat__num" data-testid="agent-rating">
                  {p.averageRating === null ? '—' : p.averageRating.toFixed(1)}
                </Text>
                <Text className="pstat__label">平均评分</Text>
              </View>
              <View className="pstat__item">
                <Text className="pstat__num" data-testid="agent-ratings">
                  {p.ratings}
                </Text>
                <Text className="pstat__label">评价数</Text>
              </View>
            </View>
            {p.averageRating !== null && <Text className="pnote rating__stars">{starText(p.averageRating)}</Text>}
            {self && (
              <View className="actions">
                <Button
                  block
                  type="primary"
                  data-testid="agent-hall"
                  onClick={() => Taro.navigateTo({ url: '/pkg-proxy/pages/hall/index' })}
                >
                  去任务大厅
                </Button>
                <Button
                  block
                  fill="outline"
                  type="primary"
                  data-testid="agent-mine"
                  onClick={() => Taro.navigateTo({ url: '/pkg-proxy/pages/mine/index' })}
                >
                  我的任务
                </Button>
              </View>
            )}
          </>
        )}
      </StateView>
    </View>
  );
}
