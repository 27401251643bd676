// The real NutUI components the pages use, from their ES files (the package's main is a UMD
// bundle of all 100 components). Add a line here when a page starts using another one.
export { Button } from '@nutui/nutui-react-taro/dist/es/packages/button/button';
export { Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell/cell';
export { CellGroup } from '@nutui/nutui-react-taro/dist/es/packages/cellgroup/cellgroup';
