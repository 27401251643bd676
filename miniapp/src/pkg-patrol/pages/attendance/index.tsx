import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { newIdempotencyKey } from '../../../api/client';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { applyLeave, clock, getSheet, listLeaves, sheetXlsx } from '../../api';
import { Block, Btn, chinaToday, Field, FLAG_NAMES, hm, Row, useSend } from '../../components/ui';
import { here } from '../../track';

const LEAVE_NAMES: Record<string, string> = {
  pending: '待审批',
  approved: '已批准',
  refused: '未批准',
  cancelled: '已撤回',
};

/** 全时考勤: clock in/out with location (out-of-fence accepted, flagged), 请假, 月度考勤表 (+ .xlsx). */
export default function AttendancePage() {
  const { params } = useRouter();
  const userId = params.userId; // a leader reading a worker's sheet
  const [month, setMonth] = useState(chinaToday().slice(0, 7));
  const data = useAsync(async () => {
    const [sheet, leaves] = await Promise.all([
      getSheet(month, userId, { silent: true }),
      userId ? undefined : listLeaves({ silent: true }),
    ]);
    return { sheet, leaves: leaves?.items ?? [] };
  }, [month]);
  const { errors, saving, send } = useSend();
  const [from, setFrom] = useState(chinaToday());
  const [to, setTo] = useState(chinaToday());
  const [reason, setReason] = useState('');
  const key = useRef(newIdempotencyKey());
  const today = data.data?.sheet.days.find((d) => d.date === chinaToday());

  const punch = async (kind: 'in' | 'out') => {
    const at = await here().catch(() => undefined);
    if (!at) return Taro.showToast({ title: '无法获取位置，请允许定位', icon: 'none' });
    const d = await send(() => clock(kind, at.lat, at.lng), kind === 'in' ? '已签到' : '已签退');
    if (d) data.reload();
  };
  const leave = async () => {
    const l = await send(() => applyLeave({ from, to, reason: reason.trim() }, key.current), '已提交请假');
    if (l) {
      key.current = newIdempotencyKey();
      setReason('');
      data.reload();
    }
  };
  const download = async () => {
    const x = await send(() => sheetXlsx(month, userId), '已生成');
    if (!x) return;
    if (process.env.TARO_ENV === 'h5') window.open(x.url, '_blank');
    else {
      const f = await Taro.downloadFile({ url: x.url });
      await Taro.openDocument({ filePath: f.tempFilePath, fileType: 'xlsx', showMenu: true });
    }
  };
  const shift = (n: number) => {
    const [y, m] = month.split('-').map(Number);
    const d = new Date(Date.UTC(y, m - 1 + n, 1));
    setMonth(d.toISOString().slice(0, 7));
  };

  return (
    <View className="page">
      <StateView loading={data.loading} error={data.error} onRetry={data.reload}>
        {!userId && (
          <Block title="今日打卡" testId="clock">
            <Row label="签到">{today?.in ? `${hm(today.in.at)}${today.in.inFence ? '' : '（围栏外）'}` : '未签到'}</Row>
            <Row label="签退">
              {today?.out ? `${hm(today.out.at)}${today.out.inFence ? '' : '（围栏外）'}` : '未签退'}
            </Row>
            <View className="pbtns">
              <Btn primary testId="clock-in" disabled={saving} onTap={() => punch('in')}>
                签到
              </Btn>
              <Btn testId="clock-out" disabled={saving} onTap={() => punch('out')}>
                签退
              </Btn>
            </View>
            <Text className="pmuted">在网格电子围栏外打卡会照常记录并标记异常</Text>
          </Block>
        )}
        {errors[''] && (
          <Text className="perror" style={{ margin: '0 24px' }}>
            {errors['']}
          </Text>
        )}
        <Block title={`${data.data?.sheet.name ?? ''} 月度考勤表`} testId="sheet">
          <View className="pbtns">
            <Btn testId="month-prev" onTap={() => shift(-1)}>
              上月
            </Btn>
            <Text className="prow__value" data-testid="sheet-month">
              {month}
            </Text>
            <Btn testId="month-next" onTap={() => shift(1)}>
              下月
            </Btn>
          </View>
          <Row label="出勤天数" testId="sheet-days">
            {data.data?.sheet.totals.days ?? 0}
          </Row>
          <Row label="异常 / 未打卡 / 请假">
            {data.data?.sheet.totals.flagged ?? 0} / {data.data?.sheet.totals.missed ?? 0} /{' '}
            {data.data?.sheet.totals.leave ?? 0}
          </Row>
          {(data.data?.sheet.days ?? []).length === 0 && <Text className="pmuted">本月暂无考勤记录</Text>}
          {(data.data?.sheet.days ?? []).map((d) => (
            <View key={d.date} className="pitem" data-testid={`day-${d.date}`}>
              <Text>{d.date.slice(5)}</Text>
              <Text>
                {hm(d.in?.at)} – {hm(d.out?.at)}
              </Text>
              <Text className="pflag">
                {[...d.flags.map((f) => FLAG_NAMES[f] ?? f), ...(d.leave ? ['请假'] : [])].join('、')}
              </Text>
            </View>
          ))}
          <Btn testId="sheet-xlsx" onTap={download}>
            导出 Excel
          </Btn>
        </Block>
        {!userId && (
          <Block title="请假" testId="leave">
            <Field
              label="开始日期（YYYY-MM-DD）"
              value={from}
              onChange={setFrom}
              testId="leave-from"
              error={errors.from}
            />
            <Field label="结束日期" value={to} onChange={setTo} testId="leave-to" error={errors.to} />
            <Field label="事由" value={reason} onChange={setReason} testId="leave-reason" error={errors.reason} />
            <Btn testId="leave-submit" disabled={saving} onTap={leave}>
              提交请假（社区审批）
            </Btn>
            {(data.data?.leaves ?? []).map((l) => (
              <View key={l.id} className="pitem" data-testid={`leave-${l.id}`}>
                <Text>
                  {l.from} 至 {l.to}
                </Text>
                <Text className="pmuted">{LEAVE_NAMES[l.status]}</Text>
              </View>
            ))}
          </Block>
        )}
        <View className="pbtns" style={{ margin: '16px 24px' }}>
          <Btn testId="attendance-back" onTap={() => Taro.navigateBack()}>
            返回
          </Btn>
        </View>
      </StateView>
    </View>
  );
}
