export default definePageConfig({ navigationBarTitleText: '代办员档案' });
