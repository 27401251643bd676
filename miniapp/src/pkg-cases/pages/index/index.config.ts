export default definePageConfig({ navigationBarTitleText: '纠纷调解与信访', enablePullDownRefresh: true });
