export default definePageConfig({ navigationBarTitleText: '申请代办' });
