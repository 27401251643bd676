export default definePageConfig({ navigationBarTitleText: '代办员审批', enablePullDownRefresh: true });
