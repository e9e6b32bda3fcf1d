export default definePageConfig({
  navigationBarTitleText: '推广中心',
  navigationBarBackgroundColor: '#E4393C',
  navigationBarTextStyle: 'white',
  enablePullDownRefresh: true,
});
