export default definePageConfig({ navigationBarTitleText: '我的客户与团队' });
