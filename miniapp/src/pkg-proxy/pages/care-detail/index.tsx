import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { GoButton } from '../../../components/Controls';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { CARE_NEED_NAMES } from '@gridlink/shared/proxy';
import { movesFrom } from '@gridlink/shared/workflow';
import { FAMILY_LINK_WORKFLOW } from '@gridlink/shared/workflows/proxy';
import type { ApiError } from '../../../api/client';
import { confirmFamilyLink, getCareRecipient, type CareNeed } from '../../../api/proxy';
import StateView from '../../../components/StateView';
import { useDetail } from '../../../components/useDetail';
import { useElderMode } from '../../../lib/elder';
import { formatDate } from '../../../lib/format';
import { Row } from '../../components/parts';
import { isCareStaff } from '../../lib/rules';
import { useViewer } from '../../../components/useViewer';
import '../../components/proxy.css';

/** 帮扶对象详情: who they are, their family links (the grid worker confirms), and 发起代办 with witnessed consent. */
export default function CareDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { elderClass } = useElderMode();
  const me = useViewer();
  const detail = useDetail(id, getCareRecipient, { enabled: me.signedIn, pullDown: false });
  const [busy, setBusy] = useState('');

  const confirm = async (userId: string, name: string) => {
    if (busy) return;
    const answer = await Taro.showModal({
      title: '确认家属关系',
      content: `确认 ${name} 是本人的家属吗？确认后其可以为本人申请代办、确认办结。`,
      confirmText: '确认',
      cancelText: '再想想',
    });
    if (!answer.confirm) return;
    setBusy(userId);
    try {
      await confirmFamilyLink(id, userId);
      Taro.showToast({ title: '已确认家属关系', icon: 'none' });
      await detail.reload();
    } catch (e) {
      Taro.showToast({ title: (e as ApiError).message || '操作失败，请重试', icon: 'none' });
    } finally {
      setBusy('');
    }
  };

  if (!id) {
    return (
      <View className={`page ${elderClass}`}>
        <StateView empty emptyText="没有指定帮扶对象" />
      </View>
    );
  }

  const c = detail.data;
  const staff = isCareStaff(me.data?.role);
  const role = me.data?.role;
  /** grid staff confirm a pending family link (the table's 确认家属关系) */
  const canConfirm = (status: 'pending' | 'confirmed') =>
    !!role && movesFrom(FAMILY_LINK_WORKFLOW, status, [role]).includes('confirm');
  return (
    <View className={`page pcaredetail ${elderClass}`}>
      <StateView loading={detail.loading} error={detail.error} onRetry={detail.reload}>
        {c && (
          <>
            <View className="pdetail__head">
              <Text className="pdetail__kind" data-testid="care-detail-name">
                {c.name}
              </Text>
              <View className="pneeds">
                {c.needs.map((n) => (
                  <Text key={n} className="pneed">
                    {CARE_NEED_NAMES[n as CareNeed] ?? n}
                  </Text>
                ))}
              </View>
            </View>
            <View className="section">
              <Text className="section__title">基本情况</Text>
              <View className="pfacts">
                <Row k="居住单元" v={c.unitName} />
                <Row k="联系电话" v={c.phone || '未登记'} testId="care-detail-phone" />
                {c.idNumber && <Row k="身份证号" v={c.idNumber} />}
                {c.note && <Row k="情况说明" v={c.note} />}
                <Row k="登记时间" v={formatDate(c.createdAt)} />
                <Row
                  k="帮扶对象编号"
                  v={
                    <Text className="pcode" data-testid="care-detail-code">
                      {c.id}
                    </Text>
                  }
                />
              </View>
              <Text className="pnote">
                家属为其申请代办时，在“申请代办”里输入上面的编号，经网格员确认家属关系后即可。
              </Text>
            </View>

            <View className="section" data-testid="family-section">
              <Text className="section__title">家属</Text>
              <StateView empty={!c.family.length} emptyText="还没有家属关联">
                <View className="pfacts">
                  {c.family.map((f) => (
                    <View key={f.userId} className="pfacts__row" data-testid={`family-${f.userId}`}>
                      <Text className="pfacts__k">{f.name}</Text>
                      {canConfirm(f.status) ? (
                        <Button
                          size="small"
                          type="primary"
                          loading={busy === f.userId}
                          data-testid={`family-confirm-${f.userId}`}
                          onClick={() => void confirm(f.userId, f.name)}
                        >
                          {FAMILY_LINK_WORKFLOW.moves.confirm.label}
                        </Button>
                      ) : (
                        <Text className="pfacts__v">
                          {f.status === 'pending' ? '待网格员确认' : FAMILY_LINK_WORKFLOW.stateNames[f.status]}
                        </Text>
                      )}
                    </View>
                  ))}
                </View>
              </StateView>
            </View>

            {staff && (
              <View className="actions">
                <GoButton
                  to={`/pkg-proxy/pages/request/index?recipientId=${encodeURIComponent(c.id)}&recipientName=${encodeURIComponent(c.name)}`}
                  testId="care-detail-request"
                >
                  为其发起代办（本人签字、网格员见证）
                </GoButton>
              </View>
            )}
          </>
        )}
      </StateView>
    </View>
  );
}
