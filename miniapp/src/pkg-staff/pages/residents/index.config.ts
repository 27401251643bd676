export default definePageConfig({ navigationBarTitleText: '居民户籍' });
