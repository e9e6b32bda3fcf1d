export default definePageConfig({
  navigationBarTitleText: '门店中心',
  navigationBarBackgroundColor: '#E4393C',
  navigationBarTextStyle: 'white',
  enablePullDownRefresh: true,
});
