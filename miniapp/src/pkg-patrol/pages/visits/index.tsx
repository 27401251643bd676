import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { newIdempotencyKey } from '../../../api/client';
import { getMe } from '../../../api/endpoints';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { listVisits, logVisit, overdueVisits, type Overdue } from '../../api';
import { Block, Btn, Field, useSend } from '../../components/ui';

/** 走访: the tagged persons overdue for their weekly visit (独居老人 …), logging a visit, the recent visits. */
export default function VisitsPage() {
  const data = useAsync(async () => {
    const me = await getMe({ silent: true });
    const building = me.gridIds[0];
    if (!building) return { building: '', overdue: [] as Overdue[], visits: [] };
    const [o, v] = await Promise.all([
      overdueVisits(building, { silent: true }),
      listVisits(building, { silent: true }),
    ]);
    return { building, overdue: o.items, visits: v.items };
  });
  const [target, setTarget] = useState<Overdue>();
  const [found, setFound] = useState('');
  const key = useRef(newIdempotencyKey());
  const { errors, saving, send } = useSend();

  const save = async () => {
    if (!target || !data.data) return;
    const v = await send(
      () =>
        logVisit(
          { buildingId: data.data!.building, unitId: target.unitId, houseNo: target.houseNo, found: found.trim() },
          key.current,
        ),
      '已登记走访',
    );
    if (v) {
      key.current = newIdempotencyKey();
      setTarget(undefined);
      setFound('');
      data.reload();
    }
  };

  return (
    <View className="page">
      <StateView loading={data.loading} error={data.error} onRetry={data.reload}>
        <Block title="超期未走访（每周至少一次）" testId="overdue">
          {(data.data?.overdue ?? []).length === 0 && <Text className="pmuted">暂无超期走访</Text>}
          {(data.data?.overdue ?? []).map((o) => (
            <View key={o.personId} className="pitem" data-testid={`overdue-${o.personId}`} onClick={() => setTarget(o)}>
              <Text>
                {o.name} · {o.houseNo} · {o.tags.join('、')}
              </Text>
              <Text className="pflag">{o.lastVisitedAt ? `超期 ${o.overdueDays} 天` : '从未走访'}</Text>
            </View>
          ))}
        </Block>
        {target && (
          <Block title={`走访 ${target.houseNo}（${target.name}）`} testId="visit-form">
            <Field
              label="走访发现"
              value={found}
              onChange={setFound}
              multiline
              testId="visit-found"
              error={errors.found}
            />
            {errors[''] && <Text className="perror">{errors['']}</Text>}
            <Btn primary testId="visit-save" disabled={saving} onTap={save}>
              登记走访
            </Btn>
          </Block>
        )}
        <Block title="最近走访">
          {(data.data?.visits ?? []).length === 0 && <Text className="pmuted">暂无走访记录</Text>}
          {(data.data?.visits ?? []).map((v) => (
            <View key={v.id} className="pitem">
              <Text>
                {v.at.slice(0, 10)} {v.houseNo}
              </Text>
              <Text className="pmuted">{v.found}</Text>
            </View>
          ))}
        </Block>
        <View className="pbtns" style={{ margin: '16px 24px' }}>
          <Btn testId="visits-back" onTap={() => Taro.navigateBack()}>
            返回
          </Btn>
        </View>
      </StateView>
    </View>
  );
}
