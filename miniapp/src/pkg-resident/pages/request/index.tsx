import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { movesFrom } from '@gridlink/shared/workflow';
import { REQUEST_WORKFLOW } from '@gridlink/shared/workflows/requests';
import { RATING_NAMES } from '@gridlink/shared/names';
import { getRequest, rateRequest, type RequestResource } from '../../../api/requests';
import { RatingForm, RatingView } from '../../../components/Rating';
import StateView from '../../../components/StateView';
import { useDetail } from '../../../components/useDetail';
import { useViewer } from '../../../components/useViewer';
import { RequestDetail } from '../../../components/request/RequestParts';
import '../../../components/request/request.css';
import { useElderMode } from '../../../lib/elder';

const HIDDEN = ['risky', 'review'];

/** What content security decided about the reporter's own words and photos (only they see this). */
function ModerationNotice({ moderation }: { moderation: NonNullable<RequestResource['moderation']> }) {
  const hidden = HIDDEN.includes(moderation.text) || HIDDEN.includes(moderation.media);
  if (!hidden && moderation.text !== 'pending' && moderation.media !== 'pending') return null;
  return (
    <View className="notebox" data-testid="moderation-notice">
      <Text>
        {hidden
          ? `内容未通过安全审核，仅您和办理人员可见${moderation.reason ? `：${moderation.reason}` : ''}`
          : '内容审核中，通过后邻居才能看到（办理不受影响）'}
      </Text>
    </View>
  );
}

/** 满意度评价: 1–5 stars and a comment; 1–2 stars bring a call-back (回访) from the community. */
function RateRequest({ request, onRated }: { request: RequestResource; onRated: (r: RequestResource) => void }) {
  return (
    <View className="section">
      <RatingForm
        title="问题已办结，请您评价"
        placeholder="说说办理情况（选填）"
        hint={(stars) =>
          stars > 0 &&
          stars <= 2 && (
            <Text className="rform__hint">评价为“{RATING_NAMES[stars]}”时，社区会回访了解情况，必要时重新办理</Text>
          )
        }
        submit={async (stars, comment) => {
          let rated: RequestResource;
          try {
            rated = await rateRequest(request.id, stars, comment);
          } catch {
            return; // the request layer has shown why
          }
          Taro.showToast({ title: stars <= 2 ? '感谢评价，社区将尽快回访' : '感谢您的评价', icon: 'none' });
          onRated(rated);
        }}
      />
    </View>
  );
}

/** 诉求详情: status, level, 办理时限, photos, timeline; the reporter rates it once resolved. */
export default function RequestPage() {
  const { elderClass } = useElderMode();
  const { params } = useRouter();
  const id = params.id ?? '';
  const me = useViewer();
  const detail = useDetail(id, (x) => getRequest(x, { silent: true }), { enabled: me.signedIn });

  if (!id) {
    return (
      <View className={`page ${elderClass}`}>
        <StateView empty emptyText="没有指定诉求" />
      </View>
    );
  }

  const r = detail.data;
  const mine = !!r && !!me.data && r.reporterId === me.data.id;
  /** the reporter ('owner') rates once it is resolved */
  const canRate = !!r && movesFrom(REQUEST_WORKFLOW, r.status, mine ? ['owner'] : []).includes('rate');
  return (
    <View className={`page ${elderClass}`}>
      <StateView loading={detail.loading} error={detail.error} onRetry={detail.reload}>
        {r && (
          <RequestDetail request={r}>
            {mine && r.moderation && <ModerationNotice moderation={r.moderation} />}
            {canRate && (
              <RateRequest
                request={r}
                onRated={(rated) => detail.show({ ...rated, timeline: r.timeline, attachments: r.attachments })}
              />
            )}
            {r.status === 'resolved' && !mine && me.data && (
              <Text className="section__title">已办结，等待报事人评价</Text>
            )}
            {r.rating && (
              <View className="section">
                <Text className="section__title">{mine ? '我的评价' : '居民评价'}</Text>
                <RatingView rating={r.rating} showAt />
              </View>
            )}
          </RequestDetail>
        )}
      </StateView>
    </View>
  );
}
