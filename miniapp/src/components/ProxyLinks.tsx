/**
 * 红色代办 entry points in the main package (首页 tile, 我的 links): URLs only, no API module, so the
 * pkg-proxy subpackage loads only when opened.
 */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';
import type { Me } from '@gridlink/shared/me';
import { AGENT_APPROVERS, CARE_STAFF } from '@gridlink/shared/workflows/roles';

export const PROXY_URLS = {
  hall: '/pkg-proxy/pages/hall/index',
  mine: '/pkg-proxy/pages/mine/index',
  request: '/pkg-proxy/pages/request/index',
  requested: '/pkg-proxy/pages/requested/index',
  care: '/pkg-proxy/pages/care/index',
  apply: '/pkg-proxy/pages/apply/index',
  approvals: '/pkg-proxy/pages/approvals/index',
  agent: '/pkg-proxy/pages/agent/index',
} as const;

/** 首页 tile 红色代办: agents go to 任务大厅, everyone else to 申请代办 (sign-in first when signed out). */
export function proxyTile(user: Me | undefined, signedIn: boolean) {
  const agent = user?.role === 'agent';
  const url = agent ? PROXY_URLS.hall : PROXY_URLS.request;
  return {
    id: 'proxy',
    title: '红色代办',
    desc: agent ? '任务大厅：认领代办任务' : '老人、残疾人办事，代办员帮您跑',
    onTap: () => Taro.navigateTo({ url: signedIn ? url : `/pages/login/index?redirect=${encodeURIComponent(url)}` }),
  };
}

interface Link {
  id: string;
  title: string;
  description: string;
  url: string;
}

export function proxyLinks(user: Me): Link[] {
  const links: Link[] = [];
  if (user.role === 'agent') {
    links.push(
      { id: 'proxy-hall', title: '任务大厅', description: '本社区待认领的代办任务', url: PROXY_URLS.hall },
      { id: 'proxy-mine', title: '我的代办', description: '我认领的任务：开始办理、办理完成', url: PROXY_URLS.mine },
      {
        id: 'proxy-agent',
        title: '代办员档案',
        description: '代办人次与评价',
        url: `${PROXY_URLS.agent}?id=${encodeURIComponent(user.id)}`,
      },
      { id: 'proxy-requested', title: '我申请的代办', description: '我提出的、为我代办的', url: PROXY_URLS.requested },
    );
  } else {
    links.push({
      id: 'proxy-requested',
      title: '我的代办',
      description: '我提出的代办、为我代办的进度',
      url: PROXY_URLS.requested,
    });
  }
  if (CARE_STAFF.includes(user.role))
    links.push({
      id: 'proxy-care',
      title: '帮扶对象',
      description: '独居老人、残疾人登记与代办',
      url: PROXY_URLS.care,
    });
  if (user.role === 'resident')
    links.push({
      id: 'proxy-apply',
      title: '申请成为红色代办员',
      description: '为社区老人、残疾人代办事项',
      url: PROXY_URLS.apply,
    });
  if (AGENT_APPROVERS.includes(user.role))
    links.push({
      id: 'proxy-approvals',
      title: '代办员审批',
      description: '居民申请成为红色代办员',
      url: PROXY_URLS.approvals,
    });
  return links;
}

/** 我的 › 红色代办 */
export default function ProxyLinks({ user }: { user: Me }) {
  const links = proxyLinks(user);
  return (
    <CellGroup title="红色代办">
      {links.map((l) => (
        <View key={l.id} data-testid={`me-${l.id}`} onClick={() => Taro.navigateTo({ url: l.url })}>
          <Cell title={l.title} description={l.description} extra="›" clickable />
        </View>
      ))}
    </CellGroup>
  );
}
