import { Text, View } from '@tarojs/components';
import { listMessages, type Message } from '../../../api/requests';
import PagedList from '../../../components/PagedList';
import { useSignedInPaged } from '../../../components/usePaged';
import { formatTime } from '../../../components/request/format';
import '../../../components/request/request.css';
import './index.css';
import { useElderMode } from '../../../lib/elder';
import { openPage } from '../../../lib/nav';

/** Only in-app pages can be opened from a message. */
const openable = (m: Message) => /^\/(pages|pkg-[a-z]+)\//.test(m.page);
const open = (m: Message) => openPage(m.page);

/** 消息: what changed in my requests and applications, newest first. */
export default function MessagesPage() {
  const { elderClass } = useElderMode();
  const list = useSignedInPaged((cursor) => listMessages(cursor, { silent: true }));

  return (
    <View className={`page ${elderClass}`}>
      <PagedList
        list={list}
        emptyText="暂无消息"
        render={(m) => (
          <View
            key={m.id}
            role="listitem"
            className={`card msg${m.kind === 'digest' ? ' msg--digest' : ''}`}
            data-testid={`message-${m.id}`}
            onClick={openable(m) ? () => open(m) : undefined}
          >
            <View className="msg__head">
              <Text className="msg__title">{m.kind === 'digest' ? `汇总 · ${m.title}` : m.title}</Text>
              <Text className="msg__at">{formatTime(m.at)}</Text>
            </View>
            <Text className="msg__body">{m.body}</Text>
            {openable(m) && <Text className="msg__link">查看详情 ›</Text>}
          </View>
        )}
      />
    </View>
  );
}
