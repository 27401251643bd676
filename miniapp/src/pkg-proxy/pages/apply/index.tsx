import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { TextArea } from '../../../components/Controls';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { ApiError } from '../../../api/client';
import { applyAsAgent } from '../../../api/proxy';
import StateView from '../../../components/StateView';
import { useElderMode } from '../../../lib/elder';
import { Chips } from '../../components/parts';
import { useViewer } from '../../../components/useViewer';
import '../../components/proxy.css';

/** 申请成为红色代办员: a resident applies; the community (社区) reviews and approves. */
export default function ApplyPage() {
  const { elderClass } = useElderMode();
  const me = useViewer();
  const [party, setParty] = useState<'yes' | 'no' | ''>('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const [sent, setSent] = useState(false);

  const submit = async () => {
    if (saving) return;
    const problem = !party ? '请选择是否为党员' : reason.trim().length < 5 ? '请用至少 5 个字说明申请理由' : '';
    if (problem) {
      setError(problem);
      return;
    }
    setError('');
    setSaving(true);
    try {
      await applyAsAgent({ partyMember: party === 'yes', reason: reason.trim() });
      setSent(true);
    } catch (e) {
      const err = e as ApiError;
      if (err.status === 409) setSent(true);
      setError(err.message || '提交失败，请重试');
    } finally {
      setSaving(false);
    }
  };

  const role = me.data?.role;
  return (
    <View className={`page papply ${elderClass}`}>
      <View className="pbanner">
        <Text className="pbanner__title">申请成为红色代办员</Text>
        <Text className="pbanner__sub">为社区独居老人、残疾人代办事项，从受理到办结全程负责</Text>
      </View>
      <StateView loading={me.loading && !me.data} error={me.data ? null : me.error} onRetry={me.reload}>
        {role === 'agent' && (
          <View data-testid="apply-already">
            <StateView empty emptyText="您已经是红色代办员" />
            <View className="actions">
              <Button block type="primary" onClick={() => Taro.redirectTo({ url: '/pkg-proxy/pages/hall/index' })}>
                去任务大厅
              </Button>
            </View>
          </View>
        )}
        {role && role !== 'agent' && role !== 'resident' && (
          <StateView empty emptyText="红色代办员由社区居民申请，社区审核" />
        )}
        {role === 'resident' && sent && (
          <View data-testid="apply-sent">
            <StateView
              empty
              emptyText={error || '申请已提交，请等待社区审核。审核通过后，“首页 › 红色代办”会进入任务大厅。'}
            />
          </View>
        )}
        {role === 'resident' && !sent && (
          <View className="section">
            <View className="pform">
              {!me.data?.unitId && (
                <Text className="pform__error" data-testid="apply-unbound">
                  请先绑定居住单元：代办员服务自己所在的社区。
                </Text>
              )}
              <Text className="pform__label">是否为中共党员</Text>
              <Chips
                options={[
                  { key: 'yes' as const, label: '是党员' },
                  { key: 'no' as const, label: '不是党员' },
                ]}
                value={party}
                onChange={setParty}
                testIdPrefix="apply-party"
              />
              <Text className="pform__hint">红色代办员以党员为主，也欢迎热心居民；社区会结合服务意愿审核。</Text>
              <Text className="pform__label">申请理由</Text>
              <TextArea
                className="pform__textarea"
                testId="apply-reason"
                value={reason}
                maxLength={300}
                placeholder="如：退休党员，时间充裕，熟悉社区便民服务，愿意为老人跑腿代办"
                onChange={setReason}
              />
              {!!error && (
                <View className="pform__error" role="alert" data-testid="apply-error">
                  {error}
                </View>
              )}
              <Button block type="primary" loading={saving} data-testid="apply-submit" onClick={submit}>
                提交申请
              </Button>
            </View>
          </View>
        )}
      </StateView>
    </View>
  );
}
