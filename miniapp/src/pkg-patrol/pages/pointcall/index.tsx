import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { uploadImage } from '../../../api/upload';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { useReloadOnShow } from '../../../components/useReloadOnShow';
import { answerCall, myCalls } from '../../api';
import { takeLivePhoto } from '../../camera';
import { Block, Btn, hm, Row, useSend } from '../../components/ui';
import { here } from '../../track';

const NAMES: Record<string, string> = { calling: '待应答', answered: '已应答', missed: '未应答' };

/** 点调应答: a live photo taken now with the camera (not from the album) plus the location, before the deadline. */
export default function PointCallPage() {
  const calls = useAsync(() => myCalls({ silent: true }));
  useReloadOnShow(calls.reload);
  const { errors, saving, send } = useSend();
  const [shot, setShot] = useState<Record<string, string>>({});

  const answer = async (id: string) => {
    const path = await takeLivePhoto();
    if (!path) return;
    setShot((s) => ({ ...s, [id]: path }));
    const done = await send(async () => {
      const [key, at] = await Promise.all([uploadImage(path, 'request'), here()]);
      return answerCall(id, key, at.lat, at.lng);
    }, '已应答');
    if (done) calls.reload();
  };

  const items = calls.data?.items ?? [];
  return (
    <View className="page">
      <StateView
        loading={calls.loading}
        error={calls.error}
        onRetry={calls.reload}
        empty={!items.length}
        emptyText="暂无点调"
      >
        {items.map((c) => (
          <Block key={c.id} title={`${c.callerName} 点调`} testId={`call-${c.id}`}>
            <Row label="状态" testId={`call-${c.id}-status`}>
              {NAMES[c.status]}
            </Row>
            <Row label="应答时限">{hm(c.dueAt)}</Row>
            {c.answer?.photoUrl && (
              <Image src={c.answer.photoUrl} mode="aspectFit" style={{ width: '100%', height: '300px' }} />
            )}
            {!c.answer && shot[c.id] && (
              <Image src={shot[c.id]} mode="aspectFit" style={{ width: '100%', height: '300px' }} />
            )}
            {c.status === 'calling' && (
              <Btn primary testId={`call-${c.id}-answer`} disabled={saving} onTap={() => answer(c.id)}>
                现场拍照应答
              </Btn>
            )}
          </Block>
        ))}
      </StateView>
      {errors[''] && (
        <Text className="perror" style={{ margin: '0 24px' }}>
          {errors['']}
        </Text>
      )}
      <Text className="pmuted" style={{ margin: '0 24px' }}>
        实时视频通话需微信音视频通话资质，当前以现场拍照 + 定位应答
      </Text>
      <View className="pbtns" style={{ margin: '16px 24px' }}>
        <Btn testId="calls-back" onTap={() => Taro.navigateBack()}>
          返回
        </Btn>
      </View>
    </View>
  );
}
