/**
 * 纠纷调解与信访 entry points on 我的: URLs only (no API module, no zod), so the pkg-cases
 * subpackage loads only when opened.
 */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';
import type { Me } from '@gridlink/shared/me';
import { STAFF } from '@gridlink/shared/workflows/roles';

const HOME = '/pkg-cases/pages/index/index';

export function caseLinks(user: Me) {
  if (STAFF.includes(user.role))
    return [
      { id: 'cases', title: '纠纷调解与信访', description: '登记、调解、化解；网格先行，逐级上报', url: HOME },
      {
        id: 'cases-stats',
        title: '纠纷信访统计',
        description: '就地化解、社区调解、初访网格内化解率',
        url: '/pkg-cases/pages/stats/index',
      },
    ];
  if (user.role === 'resident' || user.role === 'agent')
    return [{ id: 'cases', title: '我的纠纷与信访', description: '我参与调解的纠纷、我反映的信访事项', url: HOME }];
  return [];
}

/** 我的 › 纠纷调解与信访 */
export default function CaseLinks({ user }: { user: Me }) {
  const links = caseLinks(user);
  if (!links.length) return null;
  return (
    <CellGroup title="纠纷调解与信访">
      {links.map((l) => (
        <View key={l.id} data-testid={`me-${l.id}`} onClick={() => Taro.navigateTo({ url: l.url })}>
          <Cell title={l.title} description={l.description} extra="›" clickable />
        </View>
      ))}
    </CellGroup>
  );
}
