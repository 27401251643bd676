import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { callWorker, getTrack } from '../../api';
import { Block, Btn, FLAG_NAMES, hm, Row, useSend } from '../../components/ui';
import TrackMap from '../../components/TrackMap';

/** A patrol's track (schematic, offline) with its key points, check-ins, events and flags; 点调 for leaders. */
export default function TrackPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const t = useAsync(() => getTrack(id, { silent: true }), [id]);
  const { saving, send } = useSend();
  const p = t.data?.patrol;
  return (
    <View className="page">
      <StateView loading={t.loading} error={t.error} onRetry={t.reload}>
        {p && (
          <>
            <Block title={`${p.workerName} · ${p.gridName}`} testId="track">
              <TrackMap points={t.data!.points} keyPoints={t.data!.keyPoints} />
              <Row label="时间">
                {p.startedAt.slice(0, 10)} {hm(p.startedAt)} – {p.endedAt ? hm(p.endedAt) : '进行中'}
              </Row>
              <Row label="轨迹点" testId="track-points">
                {t.data!.points.length}
              </Row>
              <Row label="点位签到" testId="track-checkins">
                {p.checkins.map((c) => c.name).join('、') || '无'}
              </Row>
              <Row label="上报 / 自处理">
                {p.events.reported} / {p.events.selfHandled}
              </Row>
              {p.flags.length > 0 && (
                <Text className="pflag">
                  异常：{[...new Set(p.flags.map((f) => FLAG_NAMES[f.kind] ?? f.kind))].join('、')}
                </Text>
              )}
            </Block>
            {params.leader === '1' && (
              <View className="pbtns" style={{ margin: '16px 24px' }}>
                <Btn
                  primary
                  testId="track-call"
                  disabled={saving}
                  onTap={() => void send(() => callWorker(p.workerId), '已发起点调')}
                >
                  点调该网格员
                </Btn>
              </View>
            )}
          </>
        )}
      </StateView>
      <View className="pbtns" style={{ margin: '16px 24px' }}>
        <Btn testId="track-back" onTap={() => Taro.navigateBack()}>
          返回
        </Btn>
      </View>
    </View>
  );
}
