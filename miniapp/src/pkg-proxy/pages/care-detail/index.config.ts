export default definePageConfig({ navigationBarTitleText: '帮扶对象详情' });
