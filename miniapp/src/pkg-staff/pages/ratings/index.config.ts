export default definePageConfig({ navigationBarTitleText: '存疑评价', enablePullDownRefresh: true });
