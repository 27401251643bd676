import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';
import type { Me } from '@gridlink/shared/me';
import { UNIT_ROLES } from '@gridlink/shared/names';
import ElderSwitch from './ElderSwitch';

export const MY_APPLICATIONS_URL = '/pkg-services/pages/applications/index';
export const REVIEW_QUEUE_URL = '/pkg-office/pages/review/index';

/** 我的: 我的办件 for residents and agents, 审核队列 for the service office. */
export default function ServiceLinks({ user }: { user: Me }) {
  const links = [
    ...(UNIT_ROLES.includes(user.role)
      ? [{ id: 'applications', title: '我的办件', description: '办事进度、补正、办结凭证', url: MY_APPLICATIONS_URL }]
      : []),
    ...(user.role === 'office'
      ? [{ id: 'review', title: '审核队列', description: '本社区待审核的办件', url: REVIEW_QUEUE_URL }]
      : []),
  ];
  if (!links.length) return null;
  return (
    <CellGroup title="办事">
      {links.map((l) => (
        <View key={l.id} data-testid={`me-${l.id}`} onClick={() => Taro.navigateTo({ url: l.url })}>
          <Cell title={l.title} description={l.description} extra="›" clickable />
        </View>
      ))}
    </CellGroup>
  );
}

/** 我的 › 设置: the 长辈版 switch (remembered for this user). */
export function ElderSetting() {
  return (
    <CellGroup title="设置">
      <Cell title={<ElderSwitch testId="me-elder" />} description="字更大、行距更宽、每行内容更少" />
    </CellGroup>
  );
}
