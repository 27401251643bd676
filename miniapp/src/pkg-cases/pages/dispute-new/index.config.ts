export default definePageConfig({ navigationBarTitleText: '登记矛盾纠纷' });
