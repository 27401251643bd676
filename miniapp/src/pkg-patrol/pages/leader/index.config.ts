export default definePageConfig({ navigationBarTitleText: '巡查督导' });
