import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import StateView from '../../../components/StateView';
import { useAsync } from '../../../components/useAsync';
import { formatDate } from '../../../lib/format';
import { DISPUTE_KIND_NAMES, PARTY_ROLE_NAMES } from '@gridlink/shared/names';
import { getDispute } from '../../api';
import { Btn } from '../../components/parts';
import './index.css';

const MEDIATED_AT = {
  grid: '网格员就地调解',
  community: '社区人民调解',
  street: '街道人民调解',
  district: '区级调解',
} as const;
const ymd = (s: string) => s.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, m, d) => `${y}年${Number(m)}月${Number(d)}日`);

/** 人民调解协议书, laid out for printing (h5: the browser's print; WeChat: a screenshot or the web build). */
export default function AgreementPage() {
  const { params } = useRouter();
  const data = useAsync(() => getDispute(params.id ?? '', { silent: true }), [params.id]);
  const d = data.data;
  const a = d?.agreement;
  const print = () => {
    if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') window.print();
    else Taro.showToast({ title: '请在电脑端打开网页版打印', icon: 'none' });
  };
  return (
    <View className="page">
      <StateView
        loading={data.loading}
        error={data.error}
        onRetry={data.reload}
        empty={!!d && !a}
        emptyText="尚未达成调解协议"
      >
        {d && a && (
          <>
            <View className="agr" data-testid="agreement">
              <Text className="agr__title">人民调解协议书</Text>
              <Text className="agr__no" data-testid="agreement-number">
                {a.number}
              </Text>
              <Text className="agr__h">当事人</Text>
              {d.parties.map((p, i) => (
                <Text
                  key={i}
                  className="agr__party"
                >{`${PARTY_ROLE_NAMES[p.role]}：${p.name}${p.contact ? `，联系电话 ${p.contact}` : ''}`}</Text>
              ))}
              <Text className="agr__h">纠纷主要事实、争议事项</Text>
              <Text className="agr__p">{`（${DISPUTE_KIND_NAMES[d.kind]}）${d.facts ?? ''}`}</Text>
              <Text className="agr__h">经调解，自愿达成如下协议</Text>
              <Text className="agr__p" data-testid="agreement-terms">
                {a.terms}
              </Text>
              <Text className="agr__h">履行方式、时限</Text>
              <Text className="agr__p">
                {a.performBy ? `各方应于${ymd(a.performBy)}前履行完毕。` : '协议签订后即时履行。'}
              </Text>
              <Text className="agr__p">
                本协议一式{d.parties.length + 1}
                份，当事人、人民调解委员会各持一份，自各方当事人签名、人民调解员签名并加盖人民调解委员会印章之日起生效。
              </Text>
              <View className="agr__signs">
                {d.parties.map((p, i) => (
                  <Text key={i} className="agr__sign">{`${PARTY_ROLE_NAMES[p.role]}（签名）：________`}</Text>
                ))}
                <Text className="agr__sign">{`人民调解员（签名）：${d.mediator?.name ?? ''}`}</Text>
              </View>
              <View className="agr__seal">
                <Text data-testid="agreement-org">{`${a.organisation}（印）`}</Text>
                <Text>{d.mediator ? MEDIATED_AT[d.mediator.level] : ''}</Text>
                <Text>{formatDate(a.signedAt)}</Text>
              </View>
            </View>
            <View className="cbtns no-print">
              <Btn primary testId="agreement-print" onTap={print}>
                打印协议书
              </Btn>
            </View>
          </>
        )}
      </StateView>
    </View>
  );
}
