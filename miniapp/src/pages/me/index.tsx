import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { GoButton } from '../../components/Controls';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';
import type { Me } from '@gridlink/shared/me';
import { getGrid } from '../../api/endpoints';
import { clearToken } from '../../api/session';
import RequestLinks from '../../components/RequestLinks';
import ServiceLinks, { ElderSetting } from '../../components/ServiceLinks';
import ProxyLinks from '../../components/ProxyLinks';
import CaseLinks from '../../components/CaseLinks';
import { useElderMode } from '../../lib/elder';
import StateView from '../../components/StateView';
import { useAsync } from '../../components/useAsync';
import { useSignedInMe } from '../../components/useSignedInMe';
import { DUTY_NAMES, GRID_LEVEL_NAMES, ROLE_NAMES, UNIT_ROLES } from '@gridlink/shared/names';
import './index.css';

/** who administers staff (人员管理) */
const STAFF_ADMINS: readonly string[] = ['community_admin', 'street_admin', 'district_admin'];

export function unitText(me: Me): string {
  return me.unitPath?.length ? me.unitPath.map((p) => p.name).join(' › ') : '未绑定单元';
}

function StaffGrids({ ids }: { ids: string[] }) {
  const grids = useAsync(
    () => Promise.all(ids.map((id) => getGrid(id, { silent: true }).catch(() => null))),
    [ids.join(',')],
  );
  return (
    <StateView
      loading={grids.loading}
      error={grids.error}
      onRetry={grids.reload}
      empty={!ids.length}
      emptyText="暂未分配网格"
    >
      {ids.map((id, i) => {
        const g = grids.data?.[i];
        return (
          <Cell
            key={id}
            title={g ? g.name : id}
            description={g ? g.pathNames.join(' › ') : '网格信息暂时无法加载'}
            extra={g ? GRID_LEVEL_NAMES[g.level] : ''}
          />
        );
      })}
    </StateView>
  );
}

export default function MePage() {
  const { signedIn, setSignedIn, me } = useSignedInMe();
  const { elderClass } = useElderMode();

  const logout = () => {
    clearToken();
    setSignedIn(false);
    Taro.showToast({ title: '已退出登录', icon: 'none' });
  };

  if (!signedIn) {
    return (
      <View className="page">
        <StateView empty emptyText="您还没有登录" />
        <View className="actions">
          <GoButton to={`/pages/login/index?redirect=${encodeURIComponent('/pages/me/index')}`} testId="me-login">
            去登录
          </GoButton>
        </View>
      </View>
    );
  }

  const user = me.data;
  const livesInUnit = !!user && UNIT_ROLES.includes(user.role);
  return (
    <View className={`page me ${elderClass}`}>
      <StateView loading={me.loading && !user} error={user ? null : me.error} onRetry={me.reload}>
        {user && (
          <>
            <View className="me__head">
              <Text className="me__name" data-testid="me-name">
                {user.name}
              </Text>
              <Text className="me__role" data-testid="me-role">
                {ROLE_NAMES[user.role] ?? user.role}
              </Text>
              {user.phone && <Text className="me__phone">{user.phone}</Text>}
            </View>

            {livesInUnit && (
              <CellGroup title="我的单元">
                <Cell
                  title={<Text data-testid="me-unit">{unitText(user)}</Text>}
                  description={
                    !user.unitId
                      ? '扫描单元门口的二维码，或在列表中选择'
                      : user.unitVerified === false
                        ? '待核验：扫描单元二维码或由网格员核验后，可查看和加入同楼栋诉求'
                        : ''
                  }
                  extra={
                    user.unitId && user.unitVerified === false ? (
                      <Text className="me__pending" data-testid="me-unit-pending">
                        待核验
                      </Text>
                    ) : undefined
                  }
                />
                <View className="actions">
                  <GoButton to="/pages/bind/index" outline testId="me-bind">
                    {user.unitId ? '更换单元' : '绑定单元'}
                  </GoButton>
                </View>
              </CellGroup>
            )}

            {!livesInUnit && (
              <CellGroup title="我服务的网格">
                <StaffGrids ids={user.gridIds} />
                {!!user.duties?.length && (
                  <Cell
                    title="网格职责"
                    extra={<Text data-testid="me-duties">{user.duties.map((d) => DUTY_NAMES[d]).join('、')}</Text>}
                  />
                )}
                <View data-testid="me-grids" onClick={() => Taro.navigateTo({ url: '/pkg-staff/pages/grids/index' })}>
                  <Cell title="我的网格" description="查看网格与下级网格" extra="›" clickable />
                </View>
                {STAFF_ADMINS.includes(user.role) && (
                  <View data-testid="me-staff" onClick={() => Taro.navigateTo({ url: '/pkg-staff/pages/staff/index' })}>
                    <Cell title="人员管理" description="网格员新增、调整、停用与离岗交接" extra="›" clickable />
                  </View>
                )}
              </CellGroup>
            )}

            <RequestLinks user={user} />
            <ServiceLinks user={user} />
            <ProxyLinks user={user} />
            <CaseLinks user={user} />
          </>
        )}
      </StateView>
      <ElderSetting />
      <View className="actions">
        <Button block type="default" data-testid="me-logout" onClick={logout}>
          退出登录
        </Button>
      </View>
    </View>
  );
}
