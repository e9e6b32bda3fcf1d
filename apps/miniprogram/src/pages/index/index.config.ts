export default definePageConfig({
  navigationBarTitleText: '云货架',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
