export default definePageConfig({ navigationBarTitleText: '纠纷信访统计', enablePullDownRefresh: true });
