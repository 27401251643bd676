import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { GoButton } from '../../../components/Controls';
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
                <GoButton to="/pkg-proxy/pages/hall/index" testId="agent-hall">
                  去任务大厅
                </GoButton>
                <GoButton to="/pkg-proxy/pages/mine/index" outline testId="agent-mine">
                  我的任务
                </GoButton>
              </View>
            )}
          </>
        )}
      </StateView>
    </View>
  );
}
