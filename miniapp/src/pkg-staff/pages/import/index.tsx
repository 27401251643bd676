import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import {
  downloadReport,
  downloadTemplate,
  getImport,
  listImports,
  pickFile,
  startImport,
  uploadImport,
  type ImportJob,
} from '../../../api/imports';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import './index.css';

export const STATUS_NAMES: Record<ImportJob['status'], string> = {
  uploading: '待上传',
  queued: '排队中',
  running: '导入中',
  done: '已完成',
  failed: '失败',
};
const SHEETS = ['网格', '房屋', '人口', '网格员'];
const POLL_MS = 1000;
const isActive = (j?: ImportJob) => j?.status === 'queued' || j?.status === 'running';
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** share of the file read (bytes of the parts read, unpacked for .xlsx) */
export function percentOf(j: ImportJob): number {
  if (j.status === 'done') return 100;
  const { bytesRead, bytesTotal } = j.progress;
  return bytesTotal > 0 ? Math.min(99, Math.floor((bytesRead / bytesTotal) * 100)) : 0;
}

function Progress({ job }: { job: ImportJob }) {
  const pct = percentOf(job);
  return (
    <View className="imp__progress" data-testid="imp-progress">
      <View className="imp__bar">
        <View className="imp__fill" style={{ width: `${pct}%` }} />
      </View>
      <Text className="imp__meta" data-testid="imp-progress-text">
        {pct}% · 已读 {job.progress.rows} 行 · {job.progress.rowsPerSecond} 行/秒
        {job.progress.sheet ? ` · 当前：${job.progress.sheet}` : ''}
      </Text>
    </View>
  );
}

function Counts({ job }: { job: ImportJob }) {
  const sheets = job.result?.sheets ?? {};
  return (
    <View className="imp__counts" data-testid="imp-counts">
      {SHEETS.filter((s) => sheets[s]?.rows).map((s) => {
        const c = sheets[s];
        return (
          <Text key={s} className="imp__count" data-testid={`imp-count-${s}`}>
            {s}：{c.rows} 行，新增 {c.created}，更新 {c.updated}，未变 {c.unchanged}，重复 {c.duplicate}，未导入{' '}
            {c.rejected}
          </Text>
        );
      })}
      {!!job.result?.gridsCreated && <Text className="imp__count">新建网格节点 {job.result.gridsCreated} 个</Text>}
    </View>
  );
}

function Problems({ job }: { job: ImportJob }) {
  const total = job.result?.problemsTotal ?? job.problems.length;
  if (!job.problems.length) return <Text className="imp__ok">没有问题：所有行都已导入</Text>;
  return (
    <View className="imp__problems" data-testid="imp-problems">
      <Text className="imp__subtitle">
        问题 {total} 个{total > job.problems.length ? `（显示前 ${job.problems.length} 个，完整列表请下载报告）` : ''}
      </Text>
      {job.problems.map((p, i) => (
        <View key={i} className="imp__problem" data-testid="imp-problem">
          <Text className="imp__where">
            {p.sheet || '文件'}
            {p.row ? ` 第 ${p.row} 行` : ''}
            {p.column ? ` · ${p.column}` : ''}
            {p.value ? ` · ${p.value}` : ''}
          </Text>
          <Text className="imp__what">{p.problem}</Text>
        </View>
      ))}
    </View>
  );
}

function JobCard({ job, onRestart }: { job: ImportJob; onRestart: () => void }) {
  const [saving, setSaving] = useState(false);
  const report = async () => {
    setSaving(true);
    try {
      await downloadReport(job.id);
    } catch (e) {
      Taro.showToast({ title: (e as Error).message || '下载失败', icon: 'none' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <View className="imp__job" data-testid="imp-job">
      <View className="imp__head">
        <Text className="imp__file">{job.fileName}</Text>
        <Text className={`imp__status imp__status--${job.status}`} data-testid="imp-status">
          {STATUS_NAMES[job.status]}
        </Text>
      </View>
      <Text className="imp__meta">
        {mb(job.size)} · {job.createdAt.slice(0, 16).replace('T', ' ')}
      </Text>
      {(isActive(job) || job.status === 'done') && <Progress job={job} />}
      {job.error && (
        <Text className="imp__error" data-testid="imp-error">
          {job.error}
        </Text>
      )}
      {job.result && <Counts job={job} />}
      {(job.status === 'done' || job.result) && <Problems job={job} />}
      <View className="imp__actions">
        {job.result && (
          <Button size="small" type="default" loading={saving} onClick={report} data-testid="imp-report">
            下载完整报告
          </Button>
        )}
        {job.status === 'failed' && (
          <Button size="small" type="primary" onClick={onRestart} data-testid="imp-restart">
            重新开始
          </Button>
        )}
      </View>
    </View>
  );
}

/** 数据导入: the admin upload of base data (issue 13) — template, file, progress, report. */
export default function ImportPage() {
  const recent = useAsync(() => listImports(5), []);
  const [job, setJob] = useState<ImportJob>();
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();

  // the newest job is the one shown until the admin uploads another
  useEffect(() => {
    if (!job && recent.data?.items[0]) setJob(recent.data.items[0]);
  }, [recent.data, job]);

  // poll while queued or running
  useEffect(() => {
    if (!job || !isActive(job)) return undefined;
    timer.current = setTimeout(() => {
      getImport(job.id).then(setJob, (e: Error) => setError(e.message));
    }, POLL_MS);
    return () => clearTimeout(timer.current);
  }, [job]);

  const run = async (what: string, fn: () => Promise<void>) => {
    if (busy) return;
    setBusy(what);
    setError('');
    try {
      await fn();
    } catch (e) {
      setError((e as Error).message || '操作失败，请重试');
    } finally {
      setBusy('');
    }
  };

  const upload = () =>
    run('upload', async () => {
      const picked = await pickFile();
      if (!picked) return;
      const created = await uploadImport(picked);
      setJob(created);
      setJob(await startImport(created.id));
    });
  const restart = () => job && run('restart', async () => setJob(await startImport(job.id)));
  const template = () => run('template', downloadTemplate);

  return (
    <View className="page imp">
      <View className="imp__intro">
        <Text className="imp__title">导入网格、房屋、人口和网格员</Text>
        <Text className="imp__hint">
          使用模板的表头：一个 Excel 工作簿（.xlsx），或以工作表命名的 .csv（如 人口.csv），或把 .csv 文件夹压缩为
          .zip。文件不超过 50 MB；只导入您负责网格内的数据，重复导入不会重复写入。
        </Text>
      </View>
      <View className="imp__actions">
        <Button type="default" loading={busy === 'template'} onClick={template} data-testid="imp-template">
          下载模板
        </Button>
        <Button
          type="primary"
          loading={busy === 'upload'}
          disabled={isActive(job)}
          onClick={upload}
          data-testid="imp-upload"
        >
          选择文件并导入
        </Button>
      </View>
      {process.env.TARO_ENV !== 'h5' && (
        <Text className="imp__hint">手机上请先把文件发到微信聊天中，再从聊天记录选择；电脑上可用网页版上传。</Text>
      )}
      {error && (
        <Text className="imp__error" data-testid="imp-page-error">
          {error}
        </Text>
      )}
      <StateView
        loading={recent.loading && !job}
        error={job ? null : recent.error}
        onRetry={recent.reload}
        empty={!job}
        emptyText="还没有导入记录：下载模板，填好后选择文件导入"
      >
        {job && <JobCard job={job} onRestart={restart} />}
      </StateView>
    </View>
  );
}
