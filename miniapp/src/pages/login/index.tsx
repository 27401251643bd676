import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { devLogin, wechatLogin } from '../../api/endpoints';
import { DEMO_USERS } from './demoUsers';
import './index.css';

const TAB_PAGES = ['/pages/index/index', '/pages/services/index', '/pages/me/index'];

/** After sign-in: back to where the user came from, or to 首页. */
function leave(redirect?: string) {
  const target = redirect ? decodeURIComponent(redirect) : '';
  // only our own pages (main package or a subpackage such as /pkg-resident/pages/…)
  if (!target || !/^\/(pkg-[a-z]+\/)?pages\//.test(target) || target.startsWith('/pages/login/')) {
    return Taro.switchTab({ url: '/pages/index/index' });
  }
  if (TAB_PAGES.includes(target.split('?')[0])) return Taro.switchTab({ url: target.split('?')[0] });
  return Taro.redirectTo({ url: target });
}

export default function LoginPage() {
  const { params } = useRouter();
  const [busy, setBusy] = useState('');

  const run = async (who: string, signIn: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(who);
    try {
      await signIn();
      Taro.showToast({ title: '登录成功', icon: 'success' });
      await leave(params.redirect);
    } catch {
      // the request layer has shown why
    } finally {
      setBusy('');
    }
  };

  const onWechat = () =>
    run('wechat', async () => {
      const { code } = await Taro.login();
      await wechatLogin(code);
    });

  return (
    <View className="page login">
      <View className="login__head">
        <Text className="login__title">网格通</Text>
        <Text className="login__sub">海州区基层网格治理 · 一网通办</Text>
      </View>
      {process.env.TARO_ENV === 'h5' ? (
        <View className="login__demo">
          <Text className="section__title">本地演示：选择一个演示用户登录</Text>
          {DEMO_USERS.map((u) => (
            <Button
              key={u.id}
              block
              type="primary"
              fill={u.id === 'resident-demo' ? 'solid' : 'outline'}
              loading={busy === u.id}
              disabled={!!busy && busy !== u.id}
              data-testid={`login-${u.id}`}
              onClick={() => run(u.id, () => devLogin(u.id))}
            >
              {`${u.label} · ${u.id}`}
            </Button>
          ))}
        </View>
      ) : (
        <View className="actions">
          <Button block type="primary" loading={busy === 'wechat'} onClick={onWechat} data-testid="login-wechat">
            微信一键登录
          </Button>
          <Text className="login__note">
            登录即表示您同意
            <Text className="login__link" onClick={() => Taro.openPrivacyContract({})}>
              《网格通隐私保护指引》
            </Text>
          </Text>
        </View>
      )}
    </View>
  );
}
