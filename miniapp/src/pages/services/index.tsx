import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { listServices, type ServiceSummary } from '../../api/endpoints';
import { ApiError } from '../../api/client';
import StateView from '../../components/StateView';
import { useAsync } from '../../components/useAsync';
import './index.css';

function byCategory(items: ServiceSummary[]): [string, ServiceSummary[]][] {
  const groups = new Map<string, ServiceSummary[]>();
  for (const s of items) groups.set(s.category, [...(groups.get(s.category) ?? []), s]);
  return [...groups.entries()];
}

export default function ServicesPage() {
  const list = useAsync(() => listServices({ silent: true }));
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const notYet = list.error instanceof ApiError && list.error.status === 404;
  const items = list.data?.items ?? [];
  return (
    <View className='page services'>
      <View className='services__head'>
        <Text className='services__title'>便民服务 · 网上通办</Text>
        <Text className='services__sub'>41 项服务事项，多数可网上直办</Text>
      </View>
      <StateView
        loading={list.loading}
        error={notYet ? null : list.error}
        onRetry={list.reload}
        empty={notYet || items.length === 0}
        emptyText={notYet ? '办事服务即将上线，敬请期待' : '暂无可办理的服务'}
      >
        <Text className='section__title' data-testid='services-count'>共 {items.length} 项</Text>
        {byCategory(items).map(([category, services]) => (
          <View key={category} className='section'>
            <Text className='section__title'>{category}</Text>
            {services.map(s => (
              <View key={s.code} className='service' data-testid={`service-${s.code}`}>
                <Text className='service__name'>{s.name}</Text>
                <View className='service__meta'>
                  {s.onlineDirect && <Text className='service__tag'>网上直办</Text>}
                  <Text>承诺 {s.promisedDays} 个工作日</Text>
                </View>
              </View>
            ))}
          </View>
        ))}
      </StateView>
    </View>
  );
}
