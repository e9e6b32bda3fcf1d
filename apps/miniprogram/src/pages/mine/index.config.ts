export default definePageConfig({
  navigationBarTitleText: '我的',
  navigationBarBackgroundColor: '#E4393C',
  navigationBarTextStyle: 'white',
});
