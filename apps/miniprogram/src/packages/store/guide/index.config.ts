export default definePageConfig({ navigationBarTitleText: '导购分享' });
