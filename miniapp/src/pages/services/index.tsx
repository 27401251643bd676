import { useMemo, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { listServices, type ServiceSummary } from '../../api/endpoints';
import { ApiError } from '../../api/client';
import StateView from '../../components/StateView';
import ElderSwitch from '../../components/ElderSwitch';
import { useAsync } from '../../components/useAsync';
import { useElderMode } from '../../lib/elder';
import { recentServices } from '../../lib/recent';
import { promisedText } from '../../lib/format';
import './index.css';

const ALL = '全部';

/** Categories in the catalogue's order. */
function categoriesOf(items: ServiceSummary[]): string[] {
  return [...new Set(items.map((s) => s.category))];
}

/** Search by name, category, description or materials; several words must all match. */
export function matches(s: ServiceSummary, query: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const hay = [s.name, s.category, s.description ?? '', ...(s.materials ?? [])].join(' ').toLowerCase();
  return words.every((w) => hay.includes(w));
}

export const openService = (code: string) =>
  Taro.navigateTo({ url: `/pkg-services/pages/service/index?code=${encodeURIComponent(code)}` });

/** A large one-tap tile: name, 网上直办 and the promised time. */
function Tile({ s, prefix, small }: { s: ServiceSummary; prefix: string; small?: boolean }) {
  return (
    <View
      className={`stile${small ? ' stile--small' : ''}`}
      role="button"
      data-testid={`${prefix}-${s.code}`}
      onClick={() => openService(s.code)}
    >
      <Text className="stile__name">{s.name}</Text>
      <View className="stile__meta">
        {s.onlineDirect && <Text className="stile__tag">网上直办</Text>}
        <Text className="stile__days">{promisedText(s.promisedDays)}</Text>
      </View>
    </View>
  );
}

export default function ServicesPage() {
  const list = useAsync(() => listServices({ silent: true }));
  const { elderClass } = useElderMode();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState(ALL);
  const [recent, setRecent] = useState<string[]>(() => recentServices());
  useDidShow(() => setRecent(recentServices()));
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const notYet = list.error instanceof ApiError && list.error.status === 404;
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const byCode = useMemo(() => new Map(items.map((s) => [s.code, s])), [items]);
  const q = query.trim().toLowerCase();
  // what the name says comes before what the description or materials mention
  const shown = items
    .filter((s) => (category === ALL || s.category === category) && matches(s, query))
    .map((s, i) => ({ s, rank: q && s.name.toLowerCase().includes(q) ? 0 : 1, i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.s);
  const filtering = category !== ALL || q !== '';
  const recentItems = recent
    .map((c) => byCode.get(c))
    .filter((s): s is ServiceSummary => !!s)
    .slice(0, 4);
  const hot = items.filter((s) => s.hot);

  return (
    <View className={`page services ${elderClass}`}>
      <View className="services__head">
        <View className="services__top">
          <Text className="services__title">便民服务 · 网上通办</Text>
          <ElderSwitch testId="services-elder" />
        </View>
        <Text className="services__sub">41 项服务事项，多数可网上直办</Text>
        <View className="services__search">
          <Input
            className="services__input"
            data-testid="services-search"
            type="text"
            confirmType="search"
            placeholder="搜索事项，如：居住证明、低保"
            value={query}
            onInput={(e) => setQuery(e.detail.value)}
          />
          {query !== '' && (
            <Text className="services__clear" data-testid="services-search-clear" onClick={() => setQuery('')}>
              清除
            </Text>
          )}
        </View>
      </View>
      <StateView
        loading={list.loading}
        error={notYet ? null : list.error}
        onRetry={list.reload}
        empty={notYet || items.length === 0}
        emptyText={notYet ? '办事服务即将上线，敬请期待' : '暂无可办理的服务'}
      >
        <View className="chips" role="tablist" data-testid="services-categories">
          {[ALL, ...categoriesOf(items)].map((c) => (
            <View
              key={c}
              className={`chip${c === category ? ' chip--on' : ''}`}
              role="tab"
              aria-selected={c === category}
              data-testid={`category-${c}`}
              onClick={() => setCategory(c)}
            >
              {c}
            </View>
          ))}
        </View>

        {!filtering && recentItems.length > 0 && (
          <View className="section" data-testid="services-recent">
            <Text className="section__title">最近使用</Text>
            <View className="stiles stiles--small">
              {recentItems.map((s) => (
                <Tile key={s.code} s={s} prefix="recent" small />
              ))}
            </View>
          </View>
        )}

        {!filtering && hot.length > 0 && (
          <View className="section" data-testid="services-hot">
            <Text className="section__title">热门</Text>
            <View className="stiles stiles--small">
              {hot.map((s) => (
                <Tile key={s.code} s={s} prefix="hot" small />
              ))}
            </View>
          </View>
        )}

        <View className="section">
          <Text className="section__title" data-testid="services-count">
            {filtering ? `${category === ALL ? '搜索结果' : category}：` : '全部事项：'}共 {shown.length} 项
          </Text>
          {shown.length === 0 ? (
            <StateView empty emptyText="没有找到相关事项，换个说法试试" />
          ) : (
            <View className="stiles">
              {shown.map((s) => (
                <Tile key={s.code} s={s} prefix="service" />
              ))}
            </View>
          )}
        </View>
      </StateView>
    </View>
  );
}
