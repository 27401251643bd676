import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { getMe } from '../../../api/endpoints';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { useReloadOnShow } from '../../../components/useReloadOnShow';
import { checkIn, getPatrol, getSetup, myPatrols, startPatrol, stopPatrol, type Patrol } from '../../api';
import { Block, Btn, FLAG_NAMES, hm, Row, useSend } from '../../components/ui';
import { ensureRecording, stopRecording } from '../../recorder';
import { buffered, flush, here } from '../../track';

const go = (url: string) => Taro.navigateTo({ url });

/** 巡查: start/stop, the track being recorded, 关键点位签到, 上报/自处理 on the spot; links to 考勤, 走访, 点调. */
export default function PatrolHome() {
  const state = useAsync(async () => {
    const me = await getMe({ silent: true });
    const [mine, setup] = await Promise.all([
      myPatrols({ silent: true }),
      me.gridIds[0] ? getSetup(me.gridIds[0], { silent: true }) : Promise.resolve(undefined),
    ]);
    return { me, active: mine.items.find((p) => p.status === 'active'), recent: mine.items, setup };
  });
  useReloadOnShow(state.reload);
  const [patrol, setPatrol] = useState<Patrol>();
  const [pending, setPending] = useState(0);
  const { errors, saving, send } = useSend();
  const loaded = state.data?.active;
  // the newer of what this page got back from a move and what the last load read
  const active = patrol && (!loaded || loaded.id !== patrol.id || patrol.version >= loaded.version) ? patrol : loaded;
  const live = active?.status === 'active' ? active : undefined;

  useEffect(() => {
    if (!live) return;
    ensureRecording(live.id, () => setPending(buffered(live.id)));
    setPending(buffered(live.id));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live?.id]);

  const start = async () => {
    const p = await send(() => startPatrol(), '巡查已开始');
    if (p) setPatrol(p);
  };
  const stop = async () => {
    if (!live) return;
    await stopRecording();
    await flush(live.id);
    const p = await send(() => stopPatrol(live.id), '巡查已结束');
    if (p) {
      setPatrol(p);
      state.reload();
    }
  };
  const sync = async () => {
    if (!live) return;
    await flush(live.id);
    setPending(buffered(live.id));
    setPatrol(await getPatrol(live.id, { silent: true }));
  };
  const checkAt = async (pointId: string, byQr: boolean) => {
    if (!live) return;
    const body = byQr
      ? { pointId, qrToken: (await Taro.scanCode({ onlyFromCamera: true }).catch(() => undefined))?.result }
      : { pointId, ...(await here().catch(() => ({}))) };
    if (byQr && !body.qrToken) return;
    const p = await send(() => checkIn(live.id, body), '签到成功');
    if (p) setPatrol(p);
  };

  return (
    <View className="page">
      <StateView loading={state.loading} error={state.error} onRetry={state.reload}>
        <Block title="今日工作">
          <View className="pbtns">
            <Btn testId="go-attendance" onTap={() => go('/pkg-patrol/pages/attendance/index')}>
              考勤打卡
            </Btn>
            <Btn testId="go-visits" onTap={() => go('/pkg-patrol/pages/visits/index')}>
              入户走访
            </Btn>
            <Btn testId="go-calls" onTap={() => go('/pkg-patrol/pages/pointcall/index')}>
              视频点调
            </Btn>
          </View>
        </Block>
        {live ? (
          <Block title="巡查中" testId="patrol-live">
            <Row label="开始时间">{hm(live.startedAt)}</Row>
            <Row label="已上传轨迹点" testId="patrol-points">
              {live.points}
            </Row>
            <Row label="待上传">{pending}（联网后自动补传）</Row>
            <Row label="上报 / 自处理" testId="patrol-events">
              {live.events.reported} / {live.events.selfHandled}
            </Row>
            {live.flags.length > 0 && (
              <Text className="pflag" data-testid="patrol-flags">
                {[...new Set(live.flags.map((f) => FLAG_NAMES[f.kind] ?? f.kind))].join('、')}
              </Text>
            )}
            <View className="pbtns">
              <Btn testId="patrol-sync" onTap={sync}>
                立即上传
              </Btn>
              <Btn testId="patrol-report" onTap={() => go(`/pkg-patrol/pages/event/index?id=${live.id}&mode=report`)}>
                上报事件
              </Btn>
              <Btn testId="patrol-self" onTap={() => go(`/pkg-patrol/pages/event/index?id=${live.id}&mode=self`)}>
                自处理
              </Btn>
              <Btn primary testId="patrol-stop" disabled={saving} onTap={stop}>
                结束巡查
              </Btn>
            </View>
          </Block>
        ) : (
          <Block title="巡查">
            <Text className="pmuted">开始后将记录巡查轨迹（离线时先保存在手机上，联网后自动上传）</Text>
            <Btn primary testId="patrol-start" disabled={saving} onTap={start}>
              开始巡查
            </Btn>
          </Block>
        )}
        {errors[''] && <Text className="perror">{errors['']}</Text>}
        {live && (
          <Block title="关键点位签到" testId="keypoints">
            {(state.data?.setup?.keyPoints ?? []).length === 0 && <Text className="pmuted">本网格暂无关键点位</Text>}
            {(state.data?.setup?.keyPoints ?? []).map((k) => {
              const done = live.checkins.find((c) => c.pointId === k.id);
              return (
                <View key={k.id} className="pitem" data-testid={`kp-${k.id}`}>
                  <Text>{k.name}</Text>
                  {done ? (
                    <Text className="pmuted" data-testid={`kp-${k.id}-done`}>
                      已签到 {hm(done.at)}
                    </Text>
                  ) : (
                    <View className="pbtns">
                      <Btn testId={`kp-${k.id}-here`} onTap={() => checkAt(k.id, false)}>
                        定位签到
                      </Btn>
                      <Btn testId={`kp-${k.id}-scan`} onTap={() => checkAt(k.id, true)}>
                        扫码签到
                      </Btn>
                    </View>
                  )}
                </View>
              );
            })}
          </Block>
        )}
        <Block title="最近巡查">
          {(state.data?.recent ?? []).length === 0 && <Text className="pmuted">暂无巡查记录</Text>}
          {(state.data?.recent ?? []).map((p) => (
            <View key={p.id} className="pitem" onClick={() => go(`/pkg-patrol/pages/track/index?id=${p.id}`)}>
              <Text>
                {p.startedAt.slice(0, 10)} {hm(p.startedAt)}–{hm(p.endedAt)}
              </Text>
              <Text className="pmuted">
                {p.minutes} 分钟 · 签到 {p.checkins.length}
              </Text>
            </View>
          ))}
        </Block>
        <View className="pbtns" style={{ margin: '16px 24px' }}>
          <Btn
            testId="patrol-back"
            onTap={() => Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/index/index' }))}
          >
            返回
          </Btn>
        </View>
      </StateView>
    </View>
  );
}
