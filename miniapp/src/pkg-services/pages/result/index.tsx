import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { GoButton } from '../../../components/Controls';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { getApplication, getService, type Application } from '../../../api/applications';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { useElderMode } from '../../../lib/elder';
import { formatDate, formatTime } from '../../../lib/format';
import '../../components/page.css';

function Row({ label, value, testId, strong }: { label: string; value: string; testId: string; strong?: boolean }) {
  return (
    <View className="cert__row">
      <Text className="cert__label">{label}</Text>
      <Text className={`cert__value${strong ? ' cert__number' : ''}`} data-testid={testId}>
        {value}
      </Text>
    </View>
  );
}

/** 办结凭证 for a completed application; what happens next for the others. */
function Certificate({ app, promisedDays }: { app: Application; promisedDays?: number }) {
  if (app.status === 'completed') {
    return (
      <View className="cert" data-testid="result-certificate">
        <Text className="cert__seal">海州区便民服务 · 办结凭证</Text>
        <Text className="cert__status" data-testid="result-status">
          已办结
        </Text>
        <Text className="cert__service" data-testid="result-service">
          {app.serviceName}
        </Text>
        <View className="cert__rows">
          <Row label="办件编号" value={app.resultNumber ?? ''} testId="result-number" strong />
          <Row label="申请人" value={app.applicantName} testId="result-applicant" />
          <Row label="办结时间" value={formatTime(app.completedAt)} testId="result-completed-at" />
          <Row label="办理方式" value={app.onlineDirect ? '网上直办' : '社区便民服务站审核办结'} testId="result-way" />
          {app.actedBy && <Row label="代办人" value={app.actedBy.name} testId="result-acted-by" />}
        </View>
        <Text className="cert__hint">办理相关业务时，可向工作人员出示本页面或告知办件编号。</Text>
      </View>
    );
  }
  const days = promisedDays ?? null;
  const cls = app.status === 'under_review' ? 'waiting' : app.status;
  return (
    <View className="cert" data-testid="result-certificate">
      <Text className="cert__seal">海州区便民服务</Text>
      <Text className={`cert__status cert__status--${cls}`} data-testid="result-status">
        {app.status === 'under_review' ? '已提交' : app.status === 'returned' ? '待补正' : '未通过'}
      </Text>
      <Text className="cert__service" data-testid="result-service">
        {app.serviceName}
      </Text>
      {app.status === 'under_review' && (
        <Text className="cert__hint" data-testid="result-promise">
          {days === null
            ? `已提交，预计 ${formatDate(app.dueAt)} 前办结`
            : days === 0
              ? '已提交，承诺当日办结'
              : `已提交，承诺 ${days} 个工作日内办结`}
        </Text>
      )}
      {app.status !== 'under_review' && app.note && (
        <Text className="cert__hint" data-testid="result-note">
          {app.status === 'returned' ? '需要补正：' : '原因：'}
          {app.note}
        </Text>
      )}
      <View className="cert__rows">
        <Row label="申请人" value={app.applicantName} testId="result-applicant" />
        <Row label="提交时间" value={formatTime(app.createdAt)} testId="result-created-at" />
        {app.status === 'under_review' && (
          <Row label="预计办结" value={`${formatDate(app.dueAt)}前`} testId="result-due" />
        )}
      </View>
      {app.status === 'under_review' && (
        <Text className="cert__hint">审核结果会通知您，也可在“我的办件”中查看进度。</Text>
      )}
    </View>
  );
}

export default function ResultPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { elderClass } = useElderMode();
  const app = useAsync(() => getApplication(id, { silent: true }), [id], !!id);
  const code = app.data?.serviceCode;
  const service = useAsync(
    () => getService(code as string, { silent: true }),
    [code],
    !!code && app.data?.status === 'under_review',
  );
  const a = app.data;

  return (
    <View className={`page result ${elderClass}`}>
      <StateView loading={app.loading} error={id ? app.error : new Error('没有指定办件')} onRetry={app.reload}>
        {a && (
          <>
            <Certificate app={a} promisedDays={a.promisedDays ?? service.data?.promisedDays} />
            <View className="actions">
              <GoButton
                to={`/pkg-services/pages/application/index?id=${encodeURIComponent(a.id)}`}
                size="large"
                testId="result-detail"
              >
                {a.status === 'returned' ? '去补正' : '查看办件详情'}
              </GoButton>
              {params.taskId ? (
                <GoButton
                  to={`/pkg-proxy/pages/task/index?id=${encodeURIComponent(params.taskId as string)}`}
                  size="large"
                  plain
                  testId="result-back-task"
                  redirect
                >
                  返回代办任务
                </GoButton>
              ) : (
                <GoButton to="/pages/services/index" size="large" plain testId="result-more">
                  继续办事
                </GoButton>
              )}
            </View>
          </>
        )}
      </StateView>
    </View>
  );
}
