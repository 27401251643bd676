import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { GoButton, TextArea } from '../../../components/Controls';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { CreateRequestBody, RequestSuggestion } from '@gridlink/shared/requests';
import { ApiError, newIdempotencyKey } from '../../../api/client';
import { isOpenState } from '@gridlink/shared/workflow';
import { REQUEST_WORKFLOW } from '@gridlink/shared/workflows/requests';
import { createRequest, joinRequest, listCategories, similarRequests } from '../../../api/requests';
import PhotoPicker, { usePhotos } from '../../../components/PhotoPicker';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { useReloadOnShow } from '../../../components/useReloadOnShow';
import { useViewer } from '../../../components/useViewer';
import { SuggestionCard } from '../../../components/request/RequestParts';
import { UNIT_ROLES } from '@gridlink/shared/names';
import '../../../components/request/request.css';
import './index.css';
import { useElderMode } from '../../../lib/elder';
import { askSubscribe, SUBSCRIBE_ON } from '../../../config/subscribe';

export const MAX_PHOTOS = 9;
/** weapp: the map picker (wx.chooseLocation, declared in app.config's requiredPrivateInfos); h5 has no map offline */
const CAN_PICK_LOCATION = process.env.TARO_ENV === 'weapp';
const MIN_DESCRIPTION = 5;

/** After a 409 about a similar open request: the ones by neighbours (ours and joined ones are not listed). */
interface Suggestion {
  items: RequestSuggestion[];
}

const detailUrl = (id: string) => `/pkg-resident/pages/request/index?id=${encodeURIComponent(id)}`;

export default function ReportPage() {
  const { elderClass } = useElderMode();
  const { params } = useRouter();
  const me = useViewer();
  const signedIn = me.signedIn;
  const cats = useAsync(() => listCategories({ silent: true }), [], signedIn);
  const [category, setCategory] = useState(params.category ?? '');
  const [description, setDescription] = useState('');
  const photos = usePhotos('request', MAX_PHOTOS);
  const [location, setLocation] = useState<CreateRequestBody['location']>();
  const [formError, setFormError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [suggestion, setSuggestion] = useState<Suggestion>();
  const [joining, setJoining] = useState('');
  /** one Idempotency-Key per form content: a retry of the same content after a lost answer reuses it */
  const attempt = useRef<{ body: string; key: string; answered: boolean }>();

  // back from 绑定单元: read the profile again
  useReloadOnShow(me.reload, { when: signedIn && !me.data?.unitId, pullDown: false });

  const keyFor = (body: string) => {
    const last = attempt.current;
    if (last && last.body === body && !last.answered) return last.key;
    const key = newIdempotencyKey();
    attempt.current = { body, key, answered: false };
    return key;
  };

  const pickLocation = async () => {
    try {
      const res = await Taro.chooseLocation({});
      const address = [res.name, res.address].filter(Boolean).join(' ').slice(0, 200);
      setLocation({ lat: res.latitude, lng: res.longitude, ...(address ? { address } : {}) });
    } catch {
      // cancelled, or the privacy dialog was declined: the report goes without a location
    }
  };

  const validate = (): string => {
    if (!category) return '请选择问题类别';
    if (description.trim().length < MIN_DESCRIPTION) return `请至少用 ${MIN_DESCRIPTION} 个字描述问题`;
    if (photos.uploading) return '照片正在上传，请稍候';
    if (photos.failed) return '有照片上传失败，请点按重试或删除';
    return '';
  };

  const submit = async (ignoreSimilar = false) => {
    if (submitting) return;
    const problem = validate();
    setFormError(problem);
    if (problem) return;
    // WeChat asks only from a tap: now, while the request is sent (weapp; a refusal changes nothing)
    const asked = askSubscribe(SUBSCRIBE_ON.request);
    const keys = photos.keys;
    const body: CreateRequestBody = {
      category,
      description: description.trim(),
      ...(me.data?.unitId ? { unitId: me.data.unitId } : {}),
      ...(keys.length ? { attachments: keys } : {}),
      ...(location ? { location } : {}),
      ...(ignoreSimilar ? { ignoreSimilar: true } : {}),
    };
    const json = JSON.stringify(body);
    const key = keyFor(json);
    setSubmitting(true);
    try {
      const created = await createRequest(body, key);
      await asked;
      Taro.showToast({ title: '提交成功', icon: 'success' });
      await Taro.redirectTo({ url: detailUrl(created.id) });
    } catch (e) {
      const err = e as ApiError;
      if (err instanceof ApiError && err.status >= 400 && err.status < 500 && attempt.current?.key === key)
        attempt.current.answered = true;
      if (
        err instanceof ApiError &&
        err.status === 409 &&
        err.code === 'CONFLICT' &&
        err.details.some((d) => d.path === 'similar')
      ) {
        const list = await similarRequests(category, { silent: true }).catch(() => ({
          items: [] as RequestSuggestion[],
        }));
        setSuggestion({ items: list.items.filter((x) => !x.mine) });
      } else {
        const field = err instanceof ApiError ? err.details.find((d) => d.path !== 'similar')?.message : '';
        const message = err.message || '提交失败，请重试';
        setFormError(field && field !== message ? `${message}（${field}）` : message);
        Taro.showToast({ title: message, icon: 'none' });
      }
    } finally {
      setSubmitting(false);
    }
  };

  const join = async (r: RequestSuggestion) => {
    if (joining) return;
    const asked = askSubscribe(SUBSCRIBE_ON.request);
    setJoining(r.id);
    try {
      await joinRequest(r.id);
      await asked;
      Taro.showToast({ title: '已加入，办理进展会通知您', icon: 'none' });
      await Taro.redirectTo({ url: detailUrl(r.id) });
    } catch {
      // the request layer has shown why
    } finally {
      setJoining('');
    }
  };

  if (!signedIn) {
    return (
      <View className={`page ${elderClass}`}>
        <StateView empty emptyText="请先登录" />
      </View>
    );
  }

  const user = me.data;
  const loading = (me.loading && !user) || (cats.loading && !cats.data);
  const error = (!user && me.error) || (!cats.data && cats.error) || null;
  const retry = () => {
    if (!user) void me.reload();
    if (!cats.data) void cats.reload();
  };

  if (loading || error || !user) {
    return (
      <View className={`page ${elderClass}`}>
        <StateView loading={loading} error={error} onRetry={retry} />
      </View>
    );
  }

  if (!UNIT_ROLES.includes(user.role)) {
    return (
      <View className={`page ${elderClass}`}>
        <StateView empty emptyText="我要报事面向居民：工作人员请在“待办”中受理和办理诉求" />
        <View className="actions">
          <GoButton to="/pkg-staff/pages/inbox/index" outline testId="report-inbox" redirect>
            去待办
          </GoButton>
        </View>
      </View>
    );
  }

  if (!user.unitId) {
    return (
      <View className={`page ${elderClass}`}>
        <StateView empty emptyText="报事前请先绑定您居住的单元，问题会直接交给您所在楼栋的网格员" />
        <View className="actions">
          <GoButton to="/pages/bind/index" testId="report-bind">
            去绑定单元
          </GoButton>
        </View>
      </View>
    );
  }

  if (suggestion) {
    return (
      <View className={`page report ${elderClass}`}>
        <View className="report__similar" data-testid="similar">
          <Text className="report__similar-title">同楼栋已有相同问题正在办理</Text>
          <Text className="report__similar-sub">
            {suggestion.items.length
              ? '如果是同一个问题，点“我也遇到”加入，办理进展会同时通知您'
              : '可能是您之前提交的同类诉求，可在“我的诉求”中查看进度'}
          </Text>
        </View>
        {suggestion.items.map((r) => (
          <SuggestionCard key={r.id} suggestion={r}>
            {/* joining follows an open request; it is not a move of the workflow */}
            {isOpenState(REQUEST_WORKFLOW, r.status) && (user.role === 'resident' || user.role === 'agent') && (
              <Button
                type="primary"
                size="small"
                loading={joining === r.id}
                data-testid={`similar-join-${r.id}`}
                onClick={() => join(r)}
              >
                我也遇到
              </Button>
            )}
          </SuggestionCard>
        ))}
        <View className="actions">
          {!suggestion.items.length && (
            <GoButton to="/pkg-resident/pages/requests/index" outline testId="similar-mine" redirect>
              查看我的诉求
            </GoButton>
          )}
          <Button block type="default" loading={submitting} data-testid="similar-new" onClick={() => submit(true)}>
            不是同一个问题，仍要新建
          </Button>
          <View className="report__back" data-testid="similar-back" onClick={() => setSuggestion(undefined)}>
            返回修改
          </View>
        </View>
      </View>
    );
  }

  const categories = cats.data?.items ?? [];
  const chosen = categories.find((c) => c.code === category);
  return (
    <View className={`page report ${elderClass}`}>
      <Text className="section__title">问题类别</Text>
      <View className="report__cats" role="radiogroup">
        {categories.map((c) => (
          <View
            key={c.code}
            role="radio"
            aria-checked={c.code === category}
            className={`report__cat${c.code === category ? ' report__cat--on' : ''}`}
            data-testid={`cat-${c.code}`}
            onClick={() => {
              setCategory(c.code);
              setFormError('');
            }}
          >
            <Text className="report__cat-name">{c.name}</Text>
            <Text className="report__cat-desc">{c.description}</Text>
          </View>
        ))}
      </View>
      {chosen && (
        <Text className="report__route" data-testid="report-route">
          由{chosen.defaultLevel === 'grid' ? '楼栋网格员' : '社区'}受理，{chosen.slaHours[chosen.defaultLevel]}{' '}
          小时内办理
        </Text>
      )}

      <View className="rform">
        <Text className="rform__label">问题描述</Text>
        <TextArea
          className="rform__textarea"
          testId="report-desc"
          value={description}
          maxLength={1000}
          placeholder="请描述问题的位置和情况，如：3号楼2单元楼道灯不亮"
          onChange={setDescription}
        />
        <Text className="rform__hint">{description.trim().length}/1000</Text>

        <Text className="rform__label">照片（选填，最多 {MAX_PHOTOS} 张）</Text>
        <PhotoPicker photos={photos} testId="photo" />

        <Text className="rform__label">所在单元</Text>
        <Text className="report__unit" data-testid="report-unit">
          {user.unitPath?.length
            ? user.unitPath
                .slice(2)
                .map((p) => p.name)
                .join(' › ')
            : user.unitId}
        </Text>

        {CAN_PICK_LOCATION && (
          <>
            <Text className="rform__label">问题位置（选填）</Text>
            <View className="report__location">
              <Text className="report__location-text" data-testid="report-location">
                {location ? (location.address ?? `${location.lat.toFixed(5)}, ${location.lng.toFixed(5)}`) : '未标注'}
              </Text>
              <Text className="report__location-pick" data-testid="report-location-pick" onClick={pickLocation}>
                {location ? '重新标注' : '在地图上标注'}
              </Text>
              {location && (
                <Text
                  className="report__location-pick"
                  data-testid="report-location-clear"
                  onClick={() => setLocation(undefined)}
                >
                  清除
                </Text>
              )}
            </View>
          </>
        )}

        {!!formError && (
          <View className="rform__error" data-testid="report-error" role="alert">
            {formError}
          </View>
        )}
        <Button block type="primary" loading={submitting} data-testid="report-submit" onClick={() => submit(false)}>
          提交
        </Button>
      </View>
    </View>
  );
}
