export default definePageConfig({
  navigationBarTitleText: '钱包',
  navigationBarBackgroundColor: '#E4393C',
  navigationBarTextStyle: 'white',
});
