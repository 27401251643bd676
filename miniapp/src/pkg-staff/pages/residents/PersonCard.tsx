/** One resident: masked values, the audited 查看完整信息, and the forms for 信息变更 and 迁出. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { changePerson, getPerson, moveOut, type HouseholdPerson } from '../../../api/basedata';
import type { ApiError } from '../../../api/client';
import Chips from '../../../components/Chips';
import { TextInput } from '../../../components/Controls';

export const PERSON_TYPES = { 户籍: '户籍', 流动: '流动', 境外: '境外' } as const;
export const TAGS = ['独居老人', '空巢老人', '残疾人', '低保', '退役军人', '重点人员'] as const;
const today = () => new Date().toISOString().slice(0, 10);
const fail = (e: unknown) => Taro.showToast({ title: (e as ApiError).message || '操作失败，请重试', icon: 'none' });

export default function PersonCard(p: { buildingId: string; person: HouseholdPerson; onChanged: () => void }) {
  const [person, setPerson] = useState(p.person);
  const [mode, setMode] = useState<'' | 'change' | 'out'>('');
  const [phone, setPhone] = useState('');
  const [type, setType] = useState(person.personType);
  const [tags, setTags] = useState<string[]>(person.tags);
  const [date, setDate] = useState(today());
  const [dest, setDest] = useState('');
  const [busy, setBusy] = useState(false);

  const full = async () => {
    const ok = await Taro.showModal({
      title: '查看完整信息',
      content: '完整的姓名、电话和身份证号仅用于工作需要，本次查看将记入审计。',
      confirmText: '查看',
      cancelText: '取消',
    });
    if (!ok.confirm) return;
    try {
      setPerson(await getPerson(p.buildingId, person.id, true));
    } catch {
      // toasted by the request layer
    }
  };
  const run = async (title: string, content: string, act: () => Promise<HouseholdPerson>) => {
    if (busy) return;
    const ok = await Taro.showModal({ title, content, confirmText: '确认', cancelText: '再想想' });
    if (!ok.confirm) return;
    setBusy(true);
    try {
      setPerson(await act());
      setMode('');
      Taro.showToast({ title: '已保存', icon: 'none' });
      p.onChanged();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const saveChange = () => {
    if (phone && !/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(phone))
      return void Taro.showToast({ title: '联系电话应为 11 位手机号或带区号的固话', icon: 'none' });
    const body = { version: person.version ?? 1, ...(phone ? { phone } : {}), personType: type, tags };
    return run('信息变更', `确认变更 ${person.name} 的信息吗？`, () => changePerson(p.buildingId, person.id, body));
  };
  const saveOut = () => {
    if (!dest.trim()) return void Taro.showToast({ title: '请填写迁往何处', icon: 'none' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
      return void Taro.showToast({ title: '日期格式应为 YYYY-MM-DD', icon: 'none' });
    const body = { version: person.version ?? 1, date, destination: dest.trim() };
    return run('迁出登记', `确认 ${person.name} 已于 ${date} 迁出吗？迁出后不再计入本户和统计。`, () =>
      moveOut(p.buildingId, person.id, body),
    );
  };

  const toggle = (t: string) => setTags(tags.includes(t) ? tags.filter((x) => x !== t) : [...tags, t]);
  return (
    <View className="resident" data-testid={`person-${person.id}`}>
      <Text className="resident__name">
        {person.name} · {person.gender} · {person.birthYear} 年生{person.relation ? ` · ${person.relation}` : ''}
      </Text>
      <Text className="resident__meta">
        {person.personType}
        {person.tags.length ? ` · ${person.tags.join('、')}` : ''}
      </Text>
      <Text className="resident__meta" data-testid="person-ids">
        电话 {person.phone ?? '—'} · 身份证 {person.idNumber}
      </Text>
      {person.movedOutAt && (
        <Text className="resident__meta">
          已于 {person.movedOutAt} 迁出至 {person.movedOutTo}
        </Text>
      )}
      {!person.movedOutAt && (
        <View className="resident__actions">
          {person.masked && (
            <Text className="link" data-testid="person-full" onClick={() => void full()}>
              查看完整信息
            </Text>
          )}
          <Text className="link" data-testid="person-change" onClick={() => setMode(mode === 'change' ? '' : 'change')}>
            信息变更
          </Text>
          <Text className="link" data-testid="person-out" onClick={() => setMode(mode === 'out' ? '' : 'out')}>
            迁出
          </Text>
        </View>
      )}
      {mode === 'change' && (
        <View className="resident__form">
          <TextInput
            testId="change-phone"
            type="number"
            value={phone}
            onChange={setPhone}
            placeholder="新的联系电话（不改可留空）"
          />
          <Chips options={PERSON_TYPES} value={type} onChange={setType} testIdPrefix="change-type" />
          <Chips
            options={TAGS.map((t) => ({ key: t, label: t }))}
            value={tags}
            onChange={toggle}
            multi
            testIdPrefix="change-tag"
          />
          <Button block type="primary" disabled={busy} data-testid="change-save" onClick={() => void saveChange()}>
            保存变更
          </Button>
        </View>
      )}
      {mode === 'out' && (
        <View className="resident__form">
          <TextInput testId="out-date" value={date} onChange={setDate} placeholder="迁出日期 YYYY-MM-DD" />
          <TextInput testId="out-dest" value={dest} onChange={setDest} maxLength={50} placeholder="迁往何处" />
          <Button block type="primary" disabled={busy} data-testid="out-save" onClick={() => void saveOut()}>
            登记迁出
          </Button>
        </View>
      )}
    </View>
  );
}
