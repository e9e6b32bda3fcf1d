export default definePageConfig({
  navigationBarTitleText: '代理中心',
  navigationBarBackgroundColor: '#E4393C',
  navigationBarTextStyle: 'white',
});
