export default definePageConfig({ navigationBarTitleText: '扫码购', enableShareAppMessage: true });
