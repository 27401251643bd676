import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CONSENT_METHOD_NAMES } from '@gridlink/shared/names';
import { getProxyTask } from '../../../api/proxy';
import { RatingView } from '../../../components/Rating';
import StateView from '../../../components/StateView';
import { useDetail } from '../../../components/useDetail';
import { useViewer } from '../../../components/useViewer';
import { useElderMode } from '../../../lib/elder';
import { formatTime } from '../../../lib/format';
import TaskActions from '../../components/TaskActions';
import {
  DeadlineText,
  kindText,
  Progress,
  RecipientCard,
  roleName,
  Row,
  TaskStatus,
  TaskTimeline,
} from '../../components/parts';
import { isAssignee } from '../../lib/rules';
import '../../components/proxy.css';

/** 代办详情: what, for whom (masked as the reader may see it), consent, progress, timeline, actions. */
export default function TaskPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { elderClass } = useElderMode();
  const me = useViewer();
  const detail = useDetail(id, getProxyTask, { enabled: me.signedIn });

  if (!id) {
    return (
      <View className={`page ${elderClass}`}>
        <StateView empty emptyText="没有指定代办任务" />
      </View>
    );
  }

  const t = detail.data;
  const viewer = me.data ? { id: me.data.id, role: me.data.role } : undefined;
  const assignee = !!t && !!viewer && isAssignee(t, viewer);
  return (
    <View className={`page ptask ${elderClass}`}>
      <StateView loading={detail.loading} error={detail.error} onRetry={detail.reload}>
        {t && (
          <>
            <View className="pdetail__head">
              <View className="pcard__head">
                <Text className="pdetail__kind" data-testid="task-kind">
                  {kindText(t)}
                </Text>
                <TaskStatus status={t.status} testId="task-status" />
              </View>
              <Text className="pdetail__desc" data-testid="task-desc">
                {t.description}
              </Text>
              <DeadlineText task={t} />
            </View>
            <Progress status={t.status} />

            <RecipientCard task={t} assignee={assignee} />

            <View className="section">
              <Text className="section__title">代办信息</Text>
              <View className="pfacts">
                <Row k="提出人" v={t.requesterName} testId="task-requester" />
                <Row k="授权方式" v={CONSENT_METHOD_NAMES[t.consent.method]} testId="task-consent" />
                <Row k="授权记录" v={`${t.consent.byName} · ${formatTime(t.consent.at)}`} />
                {!!t.consent.note && <Row k="授权说明" v={t.consent.note} />}
                <Row k="提出时间" v={formatTime(t.createdAt)} />
                {t.agentName && (
                  <Row
                    k="代办员"
                    testId="task-agent"
                    v={
                      <Text
                        className="plink"
                        onClick={() =>
                          Taro.navigateTo({
                            url: `/pkg-proxy/pages/agent/index?id=${encodeURIComponent(t.agentId ?? '')}`,
                          })
                        }
                      >
                        {t.agentName} ›
                      </Text>
                    }
                  />
                )}
                {t.confirmedBy && (
                  <Row
                    k="确认人"
                    v={`${t.confirmedBy.name}（${roleName(t.confirmedBy.role)}）· ${formatTime(t.confirmedBy.at)}`}
                    testId="task-confirmed-by"
                  />
                )}
              </View>
            </View>

            {t.result && (
              <View className="section" data-testid="task-result">
                <Text className="section__title">办理结果</Text>
                <View className="pfacts">
                  <Row k="说明" v={t.result.note} testId="task-result-note" />
                  {t.result.applicationId && (
                    <Row
                      k="关联办件"
                      v={
                        <Text
                          className="plink"
                          data-testid="task-result-app"
                          onClick={() =>
                            Taro.navigateTo({
                              url: `/pkg-services/pages/application/index?id=${encodeURIComponent(t.result!.applicationId!)}`,
                            })
                          }
                        >
                          {t.result.applicationId} ›
                        </Text>
                      }
                    />
                  )}
                  {!!t.result.photos.length && <Row k="现场照片" v={`${t.result.photos.length} 张`} />}
                </View>
              </View>
            )}

            {t.rating && (
              <View className="section">
                <Text className="section__title">评价</Text>
                <RatingView rating={t.rating} />
              </View>
            )}

            <TaskActions
              task={t}
              viewer={viewer}
              // the answer carries no timeline: show it now with the one read, then read the whole task again
              onChanged={(moved) => detail.show(moved && { ...moved, timeline: t.timeline })}
            />

            {!!t.timeline?.length && (
              <View className="section">
                <Text className="section__title">办理过程</Text>
                <TaskTimeline events={t.timeline} />
              </View>
            )}
          </>
        )}
      </StateView>
    </View>
  );
}
