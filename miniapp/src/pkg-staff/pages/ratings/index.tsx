import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { FLAG_REASON_NAMES } from '@gridlink/shared/requests';
import { RATING_NAMES } from '@gridlink/shared/names';
import { listAllFiveWorkers, listFlaggedRatings } from '../../../api/requests';
import PagedList from '../../../components/PagedList';
import StateView from '../../../components/StateView';
import { starText } from '../../../components/Rating';
import { useAsync } from '../../../components/useAsync';
import { useSignedInPaged } from '../../../components/usePaged';
import { formatTime } from '../../../components/request/format';
import '../../../components/request/request.css';
import './index.css';

/**
 * 存疑评价 (for street leaders): ratings made with a staff account or from a staff member's phone, in a
 * burst of one grid's minute, or for a worker never rated below 5★ — each with its reasons — and the
 * workers whose ratings this month are all 5★ (at least 10).
 */
export default function FlaggedRatingsPage() {
  const list = useSignedInPaged((cursor) => listFlaggedRatings(cursor, { silent: true }));
  const workers = useAsync(() => listAllFiveWorkers({ silent: true }), []);

  return (
    <View className="page">
      <View className="section" data-testid="all-five">
        <Text className="section__title">本月评价全部五星的网格员（至少 10 条）</Text>
        <StateView loading={workers.loading} error={workers.error} onRetry={workers.reload}>
          {workers.data && !workers.data.items.length && <Text className="flag__none">暂无</Text>}
          {workers.data?.items.map((w) => (
            <Text key={w.userId} className="flag__worker" data-testid={`all-five-${w.userId}`}>
              {w.name} · {w.rated} 条五星
            </Text>
          ))}
        </StateView>
      </View>
      <PagedList
        list={list}
        emptyText="暂无存疑评价"
        render={(f) => (
          <View
            key={`${f.requestId}-${f.at}`}
            role="listitem"
            className="card rcard"
            data-testid={`flag-${f.requestId}`}
          >
            <View className="rcard__head">
              <Text className="rcard__cat">{f.categoryName}</Text>
              <Text>
                {starText(f.stars)} {RATING_NAMES[f.stars]}
              </Text>
            </View>
            <View className="flag__reasons">
              {f.reasons.map((r) => (
                <Text key={r} className="flag__reason" data-testid={`flag-reason-${f.requestId}-${r}`}>
                  {FLAG_REASON_NAMES[r]}
                </Text>
              ))}
            </View>
            <View className="rcard__meta">
              <Text>评价于 {formatTime(f.at)}</Text>
              <Text
                className="msg__link"
                onClick={() =>
                  Taro.navigateTo({ url: `/pkg-staff/pages/handle/index?id=${encodeURIComponent(f.requestId)}` })
                }
              >
                查看诉求 ›
              </Text>
            </View>
          </View>
        )}
      />
    </View>
  );
}
