export default definePageConfig({ navigationBarTitleText: '社区三率榜' });
