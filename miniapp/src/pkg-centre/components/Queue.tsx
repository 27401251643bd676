import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { getQueue, supervise, urge, type QueueItem } from '../../api/centre';
import { LEVEL_LABEL } from './format';

/** 超期与上报的待办: 督办 / 挂牌督办, page by page */
export default function Queue({ gridId, role, onExport }: { gridId: string; role: string; onExport: () => void }) {
  const [items, setItems] = useState<QueueItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    void getQueue(gridId, null).then(
      (p) => {
        setItems(p.items);
        setCursor(p.nextCursor);
      },
      () => setItems([]), // the client has shown the error
    );
  }, [gridId]);
  const more = async () => {
    const p = await getQueue(gridId, cursor);
    setItems((xs) => [...xs, ...p.items]);
    setCursor(p.nextCursor);
  };
  const act = async (q: QueueItem, move: 'urge' | 'supervise') => {
    setBusy(`${move}-${q.id}`);
    try {
      const next = move === 'urge' ? await urge(q.id, q.version) : await supervise(q.id, q.version);
      setItems((xs) => xs.map((x) => (x.id === q.id ? next : x)));
    } finally {
      setBusy(null);
    }
  };
  const mayMark = role === 'street_admin' || role === 'district_admin';
  return (
    <View className="centre-card" data-testid="centre-queue">
      <View className="centre-card__head">
        <Text className="centre-card__title">督办队列（超期 / 上报）</Text>
        <Button size="mini" onClick={onExport} data-testid="export-queue">
          导出
        </Button>
      </View>
      {items.length === 0 && <Text className="centre-empty">暂无超期或上报的待办</Text>}
      {items.map((q) => (
        <View key={q.id} className="centre-queue__item" data-testid={`queue-${q.id}`}>
          <View className="centre-queue__main">
            <Text className="centre-queue__title">
              {q.categoryName}
              {q.supervised && (
                <Text className="centre-badge" data-testid={`badge-${q.id}`}>
                  挂牌督办
                </Text>
              )}
              {q.overdue && <Text className="centre-badge centre-badge--warn">超期</Text>}
            </Text>
            <Text className="centre-queue__sub">
              {LEVEL_LABEL[q.level] ?? q.level}级办理 · 督办 {q.urgeCount} 次
            </Text>
          </View>
          <Button
            size="mini"
            loading={busy === `urge-${q.id}`}
            onClick={() => void act(q, 'urge')}
            data-testid={`urge-${q.id}`}
          >
            督办
          </Button>
          {mayMark && !q.supervised && (
            <Button
              size="mini"
              loading={busy === `supervise-${q.id}`}
              onClick={() => void act(q, 'supervise')}
              data-testid={`supervise-${q.id}`}
            >
              挂牌督办
            </Button>
          )}
        </View>
      ))}
      {cursor && (
        <Button size="mini" onClick={() => void more()} data-testid="queue-more">
          加载更多
        </Button>
      )}
    </View>
  );
}
