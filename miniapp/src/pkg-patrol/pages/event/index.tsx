import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { REQUEST_CATEGORIES } from '@gridlink/shared/request-categories';
import { newIdempotencyKey } from '../../../api/client';
import { getGridChildren, getMe } from '../../../api/endpoints';
import PhotoPicker, { usePhotos } from '../../../components/PhotoPicker';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { fileEvent } from '../../api';
import { Block, Btn, Chips, Field, useSend } from '../../components/ui';
import { here } from '../../track';

const MODES = { report: '上报', self: '自处理' } as const;
type Mode = keyof typeof MODES;

/** 上报 (into the closed loop) or 自处理 (handled on the spot, before/after photos) during a patrol. */
export default function PatrolEventPage() {
  const { params } = useRouter();
  const patrolId = params.id ?? '';
  const [mode, setMode] = useState<Mode>(params.mode === 'self' ? 'self' : 'report');
  const setup = useAsync(async () => {
    const me = await getMe({ silent: true });
    const units = me.gridIds[0] ? (await getGridChildren(me.gridIds[0])).items : [];
    return { units };
  });
  const cats = REQUEST_CATEGORIES.filter((c) => mode === 'report' || c.defaultLevel === 'grid');
  const [category, setCategory] = useState('');
  const [unitId, setUnitId] = useState('');
  const [description, setDescription] = useState('');
  const [resolution, setResolution] = useState('');
  const before = usePhotos('request', 9);
  const after = usePhotos('request', 9);
  const key = useRef(newIdempotencyKey());
  const { errors, saving, send } = useSend();

  const submit = async () => {
    const location = await here().catch(() => undefined);
    const r = await send(
      () =>
        fileEvent(
          patrolId,
          {
            mode,
            category,
            unitId,
            description: description.trim(),
            attachments: before.keys,
            ...(location ? { location } : {}),
            ...(mode === 'self' ? { afterPhotos: after.keys, resolution: resolution.trim() } : {}),
          },
          key.current,
        ),
      mode === 'self' ? '已自处理办结' : '已上报',
    );
    if (r) await Taro.navigateBack();
  };

  const unitNames = Object.fromEntries((setup.data?.units ?? []).map((u) => [u.id, u.name]));
  return (
    <View className="page">
      <StateView loading={setup.loading} error={setup.error} onRetry={setup.reload}>
        <Block title="方式">
          <Chips options={MODES} value={mode} onChange={setMode} testIdPrefix="mode" />
          <Text className="pmuted">
            {mode === 'self' ? '现场已处理：提交即办结，需处理前后照片' : '进入诉求闭环，由网格 / 社区受理办理'}
          </Text>
        </Block>
        <Block title="类别">
          <Chips
            options={Object.fromEntries(cats.map((c) => [c.code, c.name]))}
            value={category}
            onChange={setCategory}
            testIdPrefix="cat"
          />
          {errors.category && <Text className="perror">{errors.category}</Text>}
        </Block>
        <Block title="位置（单元）">
          {Object.keys(unitNames).length ? (
            <Chips options={unitNames} value={unitId} onChange={setUnitId} testIdPrefix="unit" />
          ) : (
            <Text className="pmuted">本网格暂无单元</Text>
          )}
          {errors.unitId && <Text className="perror">{errors.unitId}</Text>}
        </Block>
        <Block title="情况">
          <Field
            label="发现的问题"
            value={description}
            onChange={setDescription}
            multiline
            testId="event-description"
            error={errors.description}
          />
          <Text className="pfield__label">{mode === 'self' ? '处理前照片' : '现场照片'}</Text>
          <PhotoPicker photos={before} testId="event-photos" />
          {mode === 'self' && (
            <>
              <Field label="处理情况" value={resolution} onChange={setResolution} testId="event-resolution" />
              <Text className="pfield__label">处理后照片</Text>
              <PhotoPicker photos={after} testId="event-after" />
              {errors.afterPhotos && <Text className="perror">{errors.afterPhotos}</Text>}
            </>
          )}
        </Block>
        {errors[''] && (
          <Text className="perror" style={{ margin: '0 24px' }}>
            {errors['']}
          </Text>
        )}
        <View className="pbtns" style={{ margin: '16px 24px' }}>
          <Btn primary testId="event-submit" disabled={saving || before.uploading || after.uploading} onTap={submit}>
            {saving ? '提交中…' : MODES[mode]}
          </Btn>
          <Btn testId="event-back" onTap={() => Taro.navigateBack()}>
            返回
          </Btn>
        </View>
      </StateView>
    </View>
  );
}
