export default definePageConfig({
  navigationBarTitleText: '会员码',
  navigationBarBackgroundColor: '#E4393C',
  navigationBarTextStyle: 'white',
});
