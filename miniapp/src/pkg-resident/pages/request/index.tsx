import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { getMe } from '../../../api/endpoints';
import { getRequest, rateRequest, type RequestResource } from '../../../api/requests';
import { getToken, goLogin } from '../../../api/session';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { RatingView, RequestDetail } from '../../../components/request/RequestParts';
import { RATING_NAMES } from '@gridlink/shared/names';
import '../../../components/request/request.css';
import { useElderMode } from '../../../lib/elder';

/** 满意度评价: 1–5 stars and a comment; 1–2 stars bring a call-back (回访) from the community. */
function RatingForm({ request, onRated }: { request: RequestResource; onRated: (r: RequestResource) => void }) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    if (saving) return;
    if (!stars) {
      setError('请点选星级');
      return;
    }
    setError('');
    setSaving(true);
    try {
      const rated = await rateRequest(request.id, stars, comment.trim() || undefined);
      Taro.showToast({ title: stars <= 2 ? '感谢评价，社区将尽快回访' : '感谢您的评价', icon: 'none' });
      onRated(rated);
    } catch {
      // the request layer has shown why
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="section" data-testid="rating-form">
      <Text className="section__title">问题已办结，请您评价</Text>
      <View className="rform">
        <View className="rstars" role="radiogroup">
          {[1, 2, 3, 4, 5].map((n) => (
            <View
              key={n}
              role="radio"
              aria-checked={n === stars}
              aria-label={RATING_NAMES[n]}
              className={`rstars__star${n <= stars ? ' rstars__star--on' : ''}`}
              data-testid={`star-${n}`}
              onClick={() => {
                setStars(n);
                setError('');
              }}
            >
              ★
            </View>
          ))}
          <Text className="rstars__name" data-testid="rating-name">
            {stars ? RATING_NAMES[stars] : '请点选'}
          </Text>
        </View>
        {stars > 0 && stars <= 2 && (
          <Text className="rform__hint">评价为“{RATING_NAMES[stars]}”时，社区会回访了解情况，必要时重新办理</Text>
        )}
        <Textarea
          className="rform__textarea"
          data-testid="rating-comment"
          value={comment}
          maxlength={500}
          placeholder="说说办理情况（选填）"
          onInput={(e) => setComment(e.detail.value)}
        />
        {!!error && (
          <View className="rform__error" role="alert">
            {error}
          </View>
        )}
        <Button block type="primary" loading={saving} data-testid="rating-submit" onClick={submit}>
          提交评价
        </Button>
      </View>
    </View>
  );
}

/** 诉求详情: status, level, 办理时限, photos, timeline; the reporter rates it once resolved. */
export default function RequestPage() {
  const { elderClass } = useElderMode();
  const { params } = useRouter();
  const id = params.id ?? '';
  const signedIn = !!getToken();
  const me = useAsync(() => getMe({ silent: true }), [], signedIn);
  const detail = useAsync(() => getRequest(id, { silent: true }), [id], signedIn && !!id);
  const [fresh, setFresh] = useState<RequestResource>();
  const firstShow = useRef(true);

  useEffect(() => {
    if (!signedIn) goLogin();
  }, [signedIn]);

  const reload = () => {
    setFresh(undefined);
    return detail.reload();
  };
  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false;
      return;
    }
    if (signedIn && id) void reload();
  });
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (!id) {
    return (
      <View className={`page ${elderClass}`}>
        <StateView empty emptyText="没有指定诉求" />
      </View>
    );
  }

  const r = fresh ?? detail.data;
  const mine = !!r && !!me.data && r.reporterId === me.data.id;
  return (
    <View className={`page ${elderClass}`}>
      <StateView loading={detail.loading && !r} error={r ? null : detail.error} onRetry={reload}>
        {r && (
          <RequestDetail request={r}>
            {r.status === 'resolved' && mine && (
              <RatingForm
                request={r}
                onRated={(rated) => {
                  // the answer has no timeline: show the rating now, then read the whole request again
                  setFresh({ ...rated, timeline: r.timeline, attachments: r.attachments });
                  void detail.reload().then(() => setFresh(undefined));
                }}
              />
            )}
            {r.status === 'resolved' && !mine && me.data && (
              <Text className="section__title">已办结，等待报事人评价</Text>
            )}
            {r.rating && (
              <View className="section">
                <Text className="section__title">{mine ? '我的评价' : '居民评价'}</Text>
                <RatingView rating={r.rating} />
              </View>
            )}
          </RequestDetail>
        )}
      </StateView>
    </View>
  );
}
