export default definePageConfig({ navigationBarTitleText: '人民调解协议书' });
