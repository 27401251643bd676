/**
 * 居民户籍 for grid staff: ?buildingId= lists the building's households (房屋 with 住户, masked) with
 * 迁入 per 门牌号; without it, search the residents of ?gridId= (or my first grid) by 姓名 or 门牌号.
 */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { getMe } from '../../../api/endpoints';
import { getHouseholds, moveIn, searchPersons, type PersonHit } from '../../../api/basedata';
import type { ApiError } from '../../../api/client';
import Chips from '../../../components/Chips';
import { TextInput } from '../../../components/Controls';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import PersonCard, { PERSON_TYPES, TAGS } from './PersonCard';
import './index.css';

function MoveInForm({ unitId, houseNo, onDone }: { unitId: string; houseNo: string; onDone: () => void }) {
  const [f, setF] = useState({
    name: '',
    idNumber: '',
    phone: '',
    relation: '',
    personType: '户籍',
    tags: [] as string[],
  });
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const submit = async () => {
    if (!f.name.trim() || !f.idNumber.trim())
      return void Taro.showToast({ title: '请填写姓名和证件号码', icon: 'none' });
    const ok = await Taro.showModal({
      title: '迁入登记',
      content: `确认 ${f.name} 迁入 ${houseNo} 吗？`,
      confirmText: '确认',
    });
    if (!ok.confirm || busy) return;
    setBusy(true);
    try {
      const { phone, relation, ...rest } = f;
      await moveIn(unitId, { houseNo, ...rest, ...(phone ? { phone } : {}), ...(relation ? { relation } : {}) });
      Taro.showToast({ title: '已登记迁入', icon: 'none' });
      onDone();
    } catch (e) {
      Taro.showToast({ title: (e as ApiError).message || '登记失败，请重试', icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  const toggle = (t: string) =>
    setF({ ...f, tags: f.tags.includes(t) ? f.tags.filter((x) => x !== t) : [...f.tags, t] });
  return (
    <View className="resident__form" data-testid="movein-form">
      <TextInput testId="in-name" value={f.name} onChange={set('name')} maxLength={30} placeholder="姓名" />
      <TextInput
        testId="in-id"
        type="idcard"
        value={f.idNumber}
        onChange={set('idNumber')}
        maxLength={20}
        placeholder="公民身份号码"
      />
      <TextInput
        testId="in-phone"
        type="number"
        value={f.phone}
        onChange={set('phone')}
        placeholder="联系电话（选填）"
      />
      <TextInput
        testId="in-relation"
        value={f.relation}
        onChange={set('relation')}
        placeholder="与户主关系（如 户主、配偶）"
      />
      <Chips options={PERSON_TYPES} value={f.personType} onChange={set('personType')} testIdPrefix="in-type" />
      <Chips
        options={TAGS.map((t) => ({ key: t, label: t }))}
        value={f.tags}
        onChange={toggle}
        multi
        testIdPrefix="in-tag"
      />
      <Button block type="primary" disabled={busy} data-testid="in-save" onClick={() => void submit()}>
        登记迁入
      </Button>
    </View>
  );
}

function Households({ buildingId }: { buildingId: string }) {
  const list = useAsync(() => getHouseholds(buildingId, { silent: true }), [buildingId]);
  const [adding, setAdding] = useState('');
  return (
    <StateView
      loading={list.loading && !list.data}
      error={list.error}
      onRetry={list.reload}
      empty={!list.data?.items.length}
      emptyText="该楼栋暂无房屋和住户信息"
    >
      {list.data?.items.map((h) => (
        <View key={`${h.unitId}#${h.houseNo}`} className="household" data-testid={`house-${h.houseNo}`}>
          <Text className="household__no">
            {h.houseNo}
            {h.use ? ` · ${h.use}` : ''}
            {h.area ? ` · ${h.area}㎡` : ''} · {h.residents.length} 人
          </Text>
          {h.residents.map((p) => (
            <PersonCard key={p.id} buildingId={buildingId} person={p} onChanged={list.reload} />
          ))}
          <Text
            className="link"
            data-testid={`movein-${h.houseNo}`}
            onClick={() => setAdding(adding === h.houseNo ? '' : h.houseNo)}
          >
            ＋ 迁入登记
          </Text>
          {adding === h.houseNo && (
            <MoveInForm unitId={h.unitId} houseNo={h.houseNo} onDone={() => (setAdding(''), list.reload())} />
          )}
        </View>
      ))}
    </StateView>
  );
}

/** search within `gridId` (a community or below), or my first grid */
function Search({ gridId: given }: { gridId?: string }) {
  const me = useAsync(() => getMe({ silent: true }));
  const [q, setQ] = useState('');
  const [by, setBy] = useState<'name' | 'houseNo'>('name');
  const [hits, setHits] = useState<{ items: PersonHit[]; next: string | null; error?: Error }>();
  const [loading, setLoading] = useState(false);
  const gridId = given ?? me.data?.gridIds[0];
  const go = async (more = false) => {
    if (!gridId || !q.trim()) return;
    setLoading(true);
    try {
      const page = await searchPersons(gridId, q.trim(), by, more ? hits?.next : undefined);
      setHits({ items: [...(more ? (hits?.items ?? []) : []), ...page.items], next: page.nextCursor });
    } catch (e) {
      setHits({ items: [], next: null, error: e as ApiError });
    } finally {
      setLoading(false);
    }
  };
  return (
    <StateView loading={me.loading} error={me.error} onRetry={me.reload} empty={!gridId} emptyText="暂未分配网格">
      <Chips options={{ name: '按姓名', houseNo: '按门牌号' }} value={by} onChange={setBy} testIdPrefix="search-by" />
      <TextInput
        testId="search-q"
        value={q}
        onChange={setQ}
        maxLength={30}
        placeholder={by === 'name' ? '输入姓名（可只输姓）' : '输入门牌号，如 101'}
      />
      <Button block type="primary" disabled={loading} data-testid="search-go" onClick={() => void go()}>
        查找
      </Button>
      {hits && (
        <StateView
          loading={false}
          error={hits.error ?? null}
          onRetry={() => void go()}
          empty={!hits.items.length}
          emptyText="没有找到相符的居民"
        >
          {hits.items.map((p) => (
            <View key={p.id} className="household">
              <Text className="household__no">{p.place}</Text>
              <PersonCard buildingId={p.buildingId} person={p} onChanged={() => void go()} />
            </View>
          ))}
          {hits.next && (
            <Text className="link" data-testid="search-more" onClick={() => void go(true)}>
              加载更多
            </Text>
          )}
        </StateView>
      )}
    </StateView>
  );
}

export default function ResidentsPage() {
  const { params } = useRouter();
  return (
    <View className="page residents">
      {params.buildingId ? <Households buildingId={params.buildingId} /> : <Search gridId={params.gridId} />}
    </View>
  );
}
