import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useSignedInMe } from '../../components/useSignedInMe';
import { ROLE_NAMES, UNIT_ROLES } from '@gridlink/shared/names';
import { MY_APPLICATIONS_URL, REVIEW_QUEUE_URL } from '../../components/ServiceLinks';
import { proxyTile } from '../../components/ProxyLinks';
import { useElderMode } from '../../lib/elder';
import ScoreboardCard from '../../components/ScoreboardCard';
import './index.css';

const REPORT_URL = '/pkg-resident/pages/report/index';
const REQUESTS_URL = '/pkg-resident/pages/requests/index';
const PATROL_URL = '/pkg-patrol/pages/index/index';
const PATROL_LEAD_URL = '/pkg-patrol/pages/leader/index';

interface Tile {
  id: string;
  title: string;
  desc: string;
  onTap?: () => void;
}

export default function HomePage() {
  const { signedIn, me } = useSignedInMe();
  const { elderClass } = useElderMode();

  const user = signedIn ? me.data : undefined;
  const staff = !!user && !UNIT_ROLES.includes(user.role);
  const login = () => Taro.navigateTo({ url: '/pages/login/index' });
  const centre = !!user && ['community_admin', 'street_admin', 'district_admin'].includes(user.role);

  const tiles: Tile[] = [
    {
      id: 'services',
      title: '办事',
      desc: '41 项便民服务网上通办',
      onTap: () => Taro.switchTab({ url: '/pages/services/index' }),
    },
    proxyTile(user, signedIn),
    ...(user?.role === 'office'
      ? [
          {
            id: 'review',
            title: '审核队列',
            desc: '本社区待审核的办件',
            onTap: () => Taro.navigateTo({ url: REVIEW_QUEUE_URL }),
          },
        ]
      : staff
        ? []
        : [
            {
              id: 'applications',
              title: '我的办件',
              desc: '办事进度与办结凭证',
              onTap: () =>
                Taro.navigateTo({
                  url: signedIn
                    ? MY_APPLICATIONS_URL
                    : `/pages/login/index?redirect=${encodeURIComponent(MY_APPLICATIONS_URL)}`,
                }),
            },
          ]),
    {
      id: 'report',
      title: '我要报事',
      desc: '随手拍，身边问题网格员来办',
      onTap: () =>
        signedIn
          ? Taro.navigateTo({ url: REPORT_URL })
          : Taro.navigateTo({ url: `/pages/login/index?redirect=${encodeURIComponent(REPORT_URL)}` }),
    },
    staff
      ? {
          id: 'inbox',
          title: '待办',
          desc: '受理、办理网格诉求',
          onTap: () => Taro.navigateTo({ url: '/pkg-staff/pages/inbox/index' }),
        }
      : {
          id: 'requests',
          title: '我的诉求',
          desc: '办理进度与评价',
          onTap: () =>
            signedIn
              ? Taro.navigateTo({ url: REQUESTS_URL })
              : Taro.navigateTo({ url: `/pages/login/index?redirect=${encodeURIComponent(REQUESTS_URL)}` }),
        },
    staff
      ? {
          id: 'grids',
          title: '我的网格',
          desc: '网格与下级网格',
          onTap: () => Taro.navigateTo({ url: '/pkg-staff/pages/grids/index' }),
        }
      : {
          id: 'unit',
          title: '我的单元',
          desc: user ? (user.unitId ? '查看已绑定的单元' : '尚未绑定，去绑定') : '登录后绑定',
          onTap: () =>
            !signedIn
              ? login()
              : user?.unitId
                ? Taro.switchTab({ url: '/pages/me/index' })
                : Taro.navigateTo({ url: '/pages/bind/index' }),
        },
    ...(user && ['grid_worker', 'grid_leader'].includes(user.role)
      ? [
          {
            id: 'patrol',
            title: '巡查考勤',
            desc: '巡查、打卡、走访、点调',
            onTap: () => Taro.navigateTo({ url: PATROL_URL }),
          },
          {
            id: 'assessment',
            title: '我的考核',
            desc: '本月得分与各项明细',
            onTap: () => Taro.navigateTo({ url: '/pkg-centre/pages/assessment/index' }),
          },
        ]
      : []),
    ...(user && ['grid_leader', 'community_admin', 'street_admin', 'district_admin'].includes(user.role)
      ? [
          {
            id: 'patrol-lead',
            title: '巡查督导',
            desc: '在岗巡查、轨迹、点调、请假审批',
            onTap: () => Taro.navigateTo({ url: PATROL_LEAD_URL }),
          },
        ]
      : []),
    ...(centre
      ? [
          {
            id: 'centre',
            title: '指挥中心',
            desc: '网格态势、督办与考核',
            onTap: () => Taro.navigateTo({ url: '/pkg-centre/pages/index/index' }),
          },
        ]
      : []),
  ];

  return (
    <View className={`page home ${elderClass}`}>
      <View className="home__hello">
        {user ? (
          <>
            <Text className="home__greet" data-testid="home-greet">
              您好，{user.name}
            </Text>
            <Text className="home__sub">{ROLE_NAMES[user.role] ?? user.role}</Text>
          </>
        ) : (
          <>
            <Text className="home__greet" data-testid="home-greet">
              {signedIn && me.loading ? '您好' : '您好，欢迎使用网格通'}
            </Text>
            <Text className="home__sub">海州区基层网格治理 · 小事不出社区</Text>
          </>
        )}
        {!signedIn && (
          <View className="home__login" data-testid="home-login" onClick={login}>
            登录
          </View>
        )}
      </View>

      <View className="tiles">
        {tiles.map((t) => (
          <View
            key={t.id}
            className={`tile${t.onTap ? '' : ' tile--off'}`}
            data-testid={`tile-${t.id}`}
            aria-disabled={!t.onTap}
            onClick={t.onTap}
          >
            <Text className="tile__title">{t.title}</Text>
            <Text className="tile__desc">{t.desc}</Text>
          </View>
        ))}
        <ScoreboardCard />
      </View>
    </View>
  );
}
