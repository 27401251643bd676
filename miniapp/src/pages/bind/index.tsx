import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button as WxButton, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Grid } from '@gridlink/shared/grid';
import type { Me } from '@gridlink/shared/me';
import { bindUnit, bindUnitByPhone, getGrid, getMe } from '../../api/endpoints';
import { getToken, goLogin } from '../../api/session';
import GridList, { GridCrumbs } from '../../components/GridList';
import { TextInput } from '../../components/Controls';
import StateView from '../../components/StateView';
import { UNIT_ROLES } from '@gridlink/shared/names';
import './index.css';

const ROOT = 'hz';

function decode(v?: string) {
  try {
    return v ? decodeURIComponent(v) : '';
  } catch {
    return v ?? '';
  }
}

/** Where the tree starts: the user's own community, else the district. */
function startOf(me?: Me | null): string {
  return me?.unitPath?.find((p) => p.level === 'community')?.id ?? ROOT;
}

export default function BindPage() {
  const { params } = useRouter();
  const qrUnitId = decode(params.unitId);
  /** the unit QR code in the building carries its verification code */
  const [code, setCode] = useState(decode(params.code));
  /** or 姓名 + 身份证号 as in the community's population records */
  const [realName, setRealName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [mode, setMode] = useState<'qr' | 'tree'>(qrUnitId ? 'qr' : 'tree');
  const [me, setMe] = useState<Me | null>();
  const [node, setNode] = useState<Grid>();
  const [selected, setSelected] = useState<Grid>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);
  const seen = useRef(new Map<string, Grid>());

  const fetchGrid = async (id: string, silent = true) => {
    const cached = seen.current.get(id);
    if (cached) return cached;
    const g = await getGrid(id, { silent });
    seen.current.set(id, g);
    return g;
  };

  const open = async (load: () => Promise<void>) => {
    setLoading(true);
    setError(null);
    try {
      await load();
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  };

  const start = () =>
    open(async () => {
      const who = me === undefined ? await getMe({ silent: true }).catch(() => null) : me;
      if (me === undefined) setMe(who);
      if (mode === 'qr') {
        const unit = await fetchGrid(qrUnitId);
        if (unit.level !== 'unit') throw new Error('这不是单元二维码，请在列表中选择');
        setSelected(unit);
      } else {
        setNode(await fetchGrid(startOf(who)));
      }
    });

  useEffect(() => {
    if (!getToken()) {
      goLogin();
      return;
    }
    void start();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode]);

  const pick = (g: Grid) => {
    seen.current.set(g.id, g);
    if (g.level === 'unit') {
      setSelected(g);
    } else {
      setSelected(undefined);
      setNode(g);
    }
  };

  const jump = async (id: string) => {
    try {
      const g = await fetchGrid(id, false);
      setSelected(undefined);
      setNode(g);
    } catch {
      // toasted by the request layer
    }
  };

  /** one binding call: its outcome told, then back to 我的 */
  const submit = async (call: () => Promise<Me>, verified: string, pending: string) => {
    setSaving(true);
    try {
      const bound = await call();
      if (bound.unitVerified) Taro.showToast({ title: verified, icon: 'success' });
      else Taro.showToast({ title: pending, icon: 'none' });
      await Taro.switchTab({ url: '/pages/me/index' });
    } catch {
      // the request layer has shown why
    } finally {
      setSaving(false);
    }
  };

  /** WeChat only: the phone number WeChat vouches for, matched against the unit's records */
  const byPhone = async (phoneCode?: string) => {
    if (!selected || saving) return;
    if (!phoneCode) {
      Taro.showToast({ title: '未授权手机号，可改用其他方式核验', icon: 'none' });
      return;
    }
    const unitId = selected.id;
    await submit(
      () => bindUnitByPhone(unitId, phoneCode),
      '手机号核验通过，绑定成功',
      '手机号与登记信息不符，待网格员核验',
    );
  };

  const confirm = async () => {
    if (!selected || saving) return;
    const household = { realName: realName.trim(), idNumber: idNumber.trim().toUpperCase() };
    if (!household.realName !== !household.idNumber) {
      Taro.showToast({ title: '姓名和身份证号需一起填写', icon: 'none' });
      return;
    }
    const unitId = selected.id;
    const typed = code.trim() || undefined;
    await submit(
      () => (household.realName ? bindUnit(unitId, typed, household) : bindUnit(unitId, typed)),
      '绑定成功',
      '已提交，待网格员核验',
    );
  };

  if (me && !UNIT_ROLES.includes(me.role)) {
    return (
      <View className="page">
        <StateView empty emptyText="绑定单元仅适用于居民和红色代办员" />
      </View>
    );
  }

  const evidence = !!(code.trim() || realName.trim() || idNumber.trim());
  const already = !!selected && me?.unitId === selected.id && (me?.unitVerified !== false || !evidence);
  return (
    <View className="page bind">
      {mode === 'qr' ? (
        <StateView loading={loading} error={error} onRetry={start}>
          {selected && (
            <View className="bind__qr" data-testid="bind-qr-unit">
              <Text className="section__title">您扫描的单元</Text>
              <Text className="bind__path">{selected.pathNames.join(' › ')}</Text>
            </View>
          )}
        </StateView>
      ) : (
        <StateView loading={loading && !node} error={node ? null : error} onRetry={start}>
          {node && (
            <>
              <GridCrumbs grid={node} onJump={jump} />
              <Text className="section__title">
                {node.level === 'building'
                  ? '请选择您居住的单元'
                  : '请逐级选择：街道 › 社区 › 小区 › 片区 › 楼栋 › 单元'}
              </Text>
              <GridList parentId={node.id} selectedId={selected?.id} onPick={pick} />
            </>
          )}
        </StateView>
      )}

      {mode === 'qr' && (
        <View
          className="bind__switch"
          data-testid="bind-pick-other"
          onClick={() => {
            setSelected(undefined);
            setMode('tree');
          }}
        >
          不是这个单元？在列表中选择
        </View>
      )}

      {selected && !params.code && (
        <View className="bind__code">
          <Text className="section__title">核验码（选填）</Text>
          <TextInput
            testId="bind-code"
            value={code}
            maxLength={16}
            placeholder="单元二维码下方的 10 位核验码"
            onChange={setCode}
          />
          <Text className="muted" data-testid="bind-code-hint">
            {code.trim()
              ? '核验码正确即完成核验'
              : realName.trim() || idNumber.trim()
                ? '与社区登记的人口信息相符即完成核验，否则待网格员核验'
                : '不填核验码也可绑定，状态为“待核验”：可以报事，核验后才能查看和加入同楼栋诉求（我也遇到）'}
          </Text>
          {process.env.TARO_ENV === 'weapp' && (
            <WxButton
              className="bind__phone"
              openType="getPhoneNumber"
              disabled={saving || already}
              onGetPhoneNumber={(e) => void byPhone((e.detail as { code?: string }).code)}
            >
              用微信手机号核验
            </WxButton>
          )}
          <Text className="section__title">或填写登记的姓名和身份证号（选填）</Text>
          <TextInput
            testId="bind-real-name"
            value={realName}
            maxLength={30}
            placeholder="姓名"
            onChange={setRealName}
          />
          <TextInput
            testId="bind-id-number"
            type="idcard"
            value={idNumber}
            maxLength={18}
            placeholder="18 位公民身份号码"
            onChange={setIdNumber}
          />
        </View>
      )}

      {selected && (
        <View className="bind__bar">
          <Text className="bind__chosen" data-testid="bind-selected">
            {already ? '您已绑定：' : '已选：'}
            {selected.pathNames.slice(2).join(' › ')}
          </Text>
          <Button type="primary" loading={saving} disabled={already} data-testid="bind-confirm" onClick={confirm}>
            确认绑定
          </Button>
        </View>
      )}
    </View>
  );
}
