export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/services/index',
    'pages/me/index',
    'pages/login/index',
    'pages/bind/index',
  ],
  subPackages: [
    {
      root: 'pkg-staff',
      name: 'staff',
      pages: ['pages/grids/index'],
    },
  ],
  preloadRule: {
    'pages/me/index': { network: 'all', packages: ['staff'] },
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/services/index', text: '办事', iconPath: 'assets/tab/services.png', selectedIconPath: 'assets/tab/services-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '网格通',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
  lazyCodeLoading: 'requiredComponents',
  __usePrivacyCheck__: true,
});
