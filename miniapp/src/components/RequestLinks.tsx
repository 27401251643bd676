import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';
import type { Me } from '@gridlink/shared/me';
import type { Role } from '@gridlink/shared/names';
import { UNIT_ROLES } from '@gridlink/shared/names';
import { STAFF } from '@gridlink/shared/workflows/roles';

/** Who handles requests in 待办 (the closed loop): grid staff, and departments for what is dispatched */
const INBOX_ROLES: readonly Role[] = [...STAFF, 'department'];
/** 回访 lists a community's call-backs: its staff and grid leaders (the table's LEADERS above them have no community) */
const CALLBACK_ROLES: readonly Role[] = ['grid_leader', 'community_admin'];
/** 数据导入 (base data, issue 13): community, street and district admins */
const IMPORT_ROLES: readonly Role[] = ['community_admin', 'street_admin', 'district_admin'];
/** the street's lists: 超时回访 and 存疑评价 (ratings you can trust) */
const STREET_ROLES: readonly Role[] = ['street_admin'];
/** who may read a grid's 统计 */
const STATS_ROLES: readonly Role[] = [...STAFF, 'office'];

interface Link {
  id: string;
  title: string;
  description: string;
  url: string;
}

export function requestLinks(role: Role): { title: string; links: Link[] } {
  const messages: Link = {
    id: 'messages',
    title: '消息',
    description: '诉求和办件的进展通知',
    url: '/pkg-resident/pages/messages/index',
  };
  if (UNIT_ROLES.includes(role)) {
    return {
      title: '我的诉求',
      links: [
        {
          id: 'requests',
          title: '我的诉求',
          description: '报事的办理进度与评价',
          url: '/pkg-resident/pages/requests/index',
        },
        messages,
      ],
    };
  }
  const links: Link[] = [];
  if (INBOX_ROLES.includes(role))
    links.push({
      id: 'inbox',
      title: '待办',
      description: '受理、转办、办结网格诉求',
      url: '/pkg-staff/pages/inbox/index',
    });
  if (CALLBACK_ROLES.includes(role))
    links.push({
      id: 'callbacks',
      title: '回访',
      description: '不满意评价的回访',
      url: '/pkg-staff/pages/callbacks/index',
    });
  if (STREET_ROLES.includes(role))
    links.push(
      {
        id: 'callbacks',
        title: '超时回访',
        description: '24 小时内未回访、上报街道的差评',
        url: '/pkg-staff/pages/callbacks/index',
      },
      {
        id: 'flagged',
        title: '存疑评价',
        description: '工作人员代评、集中评价、从未低于五星',
        url: '/pkg-staff/pages/ratings/index',
      },
    );
  if (STATS_ROLES.includes(role))
    links.push({
      id: 'dashboard',
      title: '统计',
      description: '诉求办理与群众满意度',
      url: '/pkg-staff/pages/dashboard/index',
    });
  if (IMPORT_ROLES.includes(role))
    links.push({
      id: 'import',
      title: '数据导入',
      description: '导入网格、房屋、人口和网格员表格',
      url: '/pkg-staff/pages/import/index',
    });
  links.push(messages);
  return { title: '工作台', links };
}

/** 我的: the way into requests — 我的诉求 and 消息 for residents; 待办, 回访, 统计 for staff. */
export default function RequestLinks({ user }: { user: Me }) {
  const { title, links } = requestLinks(user.role);
  return (
    <CellGroup title={title}>
      {links.map((l) => (
        <View key={l.id} data-testid={`me-${l.id}`} onClick={() => Taro.navigateTo({ url: l.url })}>
          <Cell title={l.title} description={l.description} extra="›" clickable />
        </View>
      ))}
    </CellGroup>
  );
}
