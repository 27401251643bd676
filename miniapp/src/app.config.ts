export default defineAppConfig({
  pages: ['pages/index/index', 'pages/services/index', 'pages/me/index', 'pages/login/index', 'pages/bind/index'],
  subPackages: [
    {
      root: 'pkg-staff',
      name: 'staff',
      pages: [
        'pages/grids/index',
        'pages/inbox/index',
        'pages/handle/index',
        'pages/callbacks/index',
        'pages/dashboard/index',
        'pages/residents/index',
        'pages/import/index',
        'pages/staff/index',
        'pages/ratings/index',
      ],
    },
    {
      root: 'pkg-resident',
      name: 'resident',
      pages: ['pages/report/index', 'pages/requests/index', 'pages/request/index', 'pages/messages/index'],
    },
    {
      root: 'pkg-services',
      name: 'services',
      pages: ['pages/service/index', 'pages/result/index', 'pages/applications/index', 'pages/application/index'],
    },
    {
      root: 'pkg-office',
      name: 'office',
      pages: ['pages/review/index', 'pages/review-detail/index'],
    },
    {
      root: 'pkg-proxy',
      name: 'proxy',
      pages: [
        'pages/hall/index',
        'pages/mine/index',
        'pages/task/index',
        'pages/request/index',
        'pages/requested/index',
        'pages/care/index',
        'pages/care-detail/index',
        'pages/agent/index',
        'pages/apply/index',
        'pages/approvals/index',
      ],
    },
    {
      root: 'pkg-centre',
      name: 'centre',
      pages: ['pages/index/index', 'pages/scoreboard/index', 'pages/assessment/index'],
    },
    {
      root: 'pkg-cases',
      name: 'cases',
      pages: [
        'pages/index/index',
        'pages/dispute-new/index',
        'pages/dispute/index',
        'pages/agreement/index',
        'pages/petition-new/index',
        'pages/petition/index',
        'pages/stats/index',
      ],
    },
    {
      root: 'pkg-patrol',
      name: 'patrol',
      pages: [
        'pages/index/index',
        'pages/event/index',
        'pages/attendance/index',
        'pages/pointcall/index',
        'pages/visits/index',
        'pages/leader/index',
        'pages/track/index',
      ],
    },
  ],
  preloadRule: {
    'pages/me/index': { network: 'all', packages: ['staff', 'resident'] },
    'pages/index/index': { network: 'all', packages: ['resident'] },
    'pages/services/index': { network: 'all', packages: ['services'] },
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/services/index',
        text: '办事',
        iconPath: 'assets/tab/services.png',
        selectedIconPath: 'assets/tab/services-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
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
  // WeChat's privacy check: the privacy APIs we call must be declared here and in the 用户隐私保护指引
  // (mp.weixin.qq.com › 设置 › 服务内容声明): 位置信息 (我要报事 › 标注位置, wx.chooseLocation);
  // the guide also lists 选中的文件 (数据导入, wx.chooseMessageFile), declared in the console only.
  // The first call shows WeChat's own privacy dialog (no onNeedPrivacyAuthorization handler).
  __usePrivacyCheck__: true,
  // 巡查 (pkg-patrol): the track while a patrol is under way (startLocationUpdate + onLocationChange,
  // foreground only), and getLocation for clock-in, check-in and point-call answers; also declared in
  // the 用户隐私保护指引 (位置信息: 巡查轨迹、考勤打卡、点位签到).
  requiredPrivateInfos: ['chooseLocation', 'getLocation', 'onLocationChange', 'startLocationUpdate'],
  permission: {
    'scope.userLocation': { desc: '你的位置将用于报事标注地点，及网格员巡查轨迹、考勤和签到' },
  },
});
