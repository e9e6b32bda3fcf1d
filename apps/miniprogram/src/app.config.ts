export default defineAppConfig({
  // The main package holds the four tabs and the shared shell; every flow is a sub-package.
  pages: ['pages/index/index', 'pages/category/index', 'pages/cart/index', 'pages/mine/index'],
  subPackages: [
    // The page a shelf's mini-program code opens (wxacode.getUnlimited page = pages/scan/index).
    { root: 'pages/scan', pages: ['index'] },
    { root: 'packages/goods', pages: ['detail/index', 'search/index'] },
    { root: 'packages/checkout', pages: ['index/index', 'result/index', 'stores/index'] },
    { root: 'packages/order', pages: ['list/index', 'detail/index', 'after-sale/index'] },
    { root: 'packages/address', pages: ['list/index', 'edit/index'] },
    // Share links and poster codes open pages/share/index?scene=<share code> (the API's path).
    { root: 'pages/share', pages: ['index', 'poster/index'] },
    { root: 'packages/member', pages: ['code/index'] },
    { root: 'packages/promo', pages: ['coupons/index', 'points/index', 'level/index'] },
    // The earners' centres and their shared wallet.
    { root: 'packages/reseller', pages: ['index/index', 'team/index'] },
    {
      root: 'packages/store',
      pages: ['index/index', 'manage/index', 'till/index', 'join/index', 'guide/index'],
    },
    { root: 'packages/agent', pages: ['index/index'] },
    { root: 'packages/wallet', pages: ['index/index', 'rewards/index'] },
  ],
  preloadRule: {
    'pages/scan/index': { network: 'all', packages: ['packages/checkout'] },
    'pages/index/index': { network: 'all', packages: ['packages/goods'] },
  },
  window: {
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '云货架',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#E4393C',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/category/index',
        text: '分类',
        iconPath: 'assets/tab/category.png',
        selectedIconPath: 'assets/tab/category-active.png',
      },
      {
        pagePath: 'pages/cart/index',
        text: '购物车',
        iconPath: 'assets/tab/cart.png',
        selectedIconPath: 'assets/tab/cart-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
  permission: {
    'scope.userLocation': { desc: '用于查找离你最近的门店' },
  },
  requiredPrivateInfos: ['getLocation', 'chooseAddress'],
});
