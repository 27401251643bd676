// Component tests render the h5 flavour (the demo-user sign-in, window.__GRIDLINK_API_BASE__).
process.env.TARO_ENV = 'h5';
