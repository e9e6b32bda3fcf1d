export default definePageConfig({ navigationBarTitleText: '云货架' });
