import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as applications from '../../../api/applications';
import * as endpoints from '../../../api/endpoints';
import * as upload from '../../../api/upload';
import { ApiError } from '../../../api/client';
import { recentServices } from '../../../lib/recent';
import { resident, worker } from '../../../../test/fixtures';
import { application, EVERY_FIELD, ID_NUMBER, service, signInAs } from '../../../../test/services-fixtures';
import ServicePage from './index';
import { freshPage, taro } from '../../../../test/signed-in';

jest.mock('../../../api/applications');
jest.mock('../../../api/endpoints');
jest.mock('../../../api/upload');
const api = jest.mocked(applications);
const ep = jest.mocked(endpoints);
const up = jest.mocked(upload);

beforeEach(() => {
  freshPage();
  signInAs('resident-demo');
  ep.getMe.mockResolvedValue(resident({ id: 'resident-demo', name: '王丽', phone: '13904181234', unitId: 'u1' }));
});

const open = async (def = EVERY_FIELD) => {
  api.getService.mockResolvedValue(def);
  taro.__setRouterParams({ code: def.code });
  render(<ServicePage />);
  await screen.findByTestId('form');
};
const type = (name: string, value: string) =>
  fireEvent.change(screen.getByTestId(`input-${name}`), { target: { value } });
const pick = (name: string, value: string) =>
  fireEvent.change(screen.getByTestId(`input-${name}-control`), { target: { value } });
const error = (name: string) => screen.queryByTestId(`error-${name}`)?.textContent ?? null;

async function addPhotos(name: string, paths: string[], keys: string[]) {
  (Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFilePaths: paths });
  for (const k of keys) up.uploadImage.mockResolvedValueOnce(k);
  await act(async () => {
    fireEvent.click(screen.getByTestId(`input-${name}-add`));
  });
}

async function fillEveryField() {
  type('situation', '  家中老人行动不便  ');
  type('familySize', '3');
  pick('since', '2024-03-01');
  type('idNumber', ID_NUMBER);
  pick('purpose', '1');
  fireEvent.click(screen.getByTestId('input-needs-法律援助'));
  await addPhotos('proofs', ['blob:one', 'blob:two'], ['uploads/application/a.jpg', 'uploads/application/b.jpg']);
}

test('renders the service: description, materials, promised days and a control for every field type', async () => {
  await open();
  expect(screen.getByTestId('service-name').textContent).toBe('全字段测试事项');
  expect(screen.getByTestId('service-days').textContent).toBe('承诺 5 个工作日');
  expect(screen.getByTestId('service-materials').textContent).toContain('1. 居民身份证');
  expect(screen.getByTestId('service-materials').textContent).toContain('2. 证明材料照片');

  const control = (name: string) => screen.getByTestId(`input-${name}`);
  expect(control('name').tagName).toBe('INPUT');
  expect(control('situation').tagName).toBe('TEXTAREA');
  expect(control('familySize').tagName).toBe('INPUT');
  expect((screen.getByTestId('input-since-control') as HTMLInputElement).type).toBe('date'); // a date Picker
  expect(control('since').textContent).toContain('请选择日期');
  expect(control('phone').tagName).toBe('INPUT');
  expect(control('idNumber').tagName).toBe('INPUT');
  const options = [...(screen.getByTestId('input-purpose-control') as HTMLSelectElement).options].map(
    (o) => o.textContent,
  );
  expect(options).toEqual(['子女入学', '社保医保业务', '其他']); // a selector Picker
  expect(screen.getAllByRole('checkbox').map((c) => c.textContent)).toEqual(['就业帮扶', '法律援助', '心理疏导']);
  expect(screen.getByTestId('input-proofs-add').textContent).toContain('拍照/相册');
  expect(screen.getByTestId('field-proofs').textContent).toContain('请拍清楚四角'); // help
  expect(screen.getByTestId('field-needs').textContent).toContain('（选填）');
  // the profile fills in what it knows
  expect((control('name') as HTMLInputElement).value).toBe('王丽');
  expect((control('phone') as HTMLInputElement).value).toBe('13904181234');
  // and the service goes to 最近使用
  expect(recentServices('resident-demo')).toEqual(['every-field']);
});

test('checks the form with the shared validator before sending: messages under the fields', async () => {
  await open();
  type('name', '');
  type('familySize', '30');
  type('idNumber', '21090219850315202X');
  type('phone', '12345');
  fireEvent.click(screen.getByTestId('apply-submit'));
  expect(error('name')).toBe('请填写申请人姓名');
  expect(error('situation')).toBe('请填写情况说明');
  expect(error('familySize')).toBe('不能大于 20');
  expect(error('since')).toBe('请填写开始日期');
  expect(error('phone')).toBe('请输入正确的手机号或固定电话');
  expect(error('idNumber')).toBe('身份证号校验位不正确');
  expect(error('purpose')).toBe('请选择一项');
  expect(error('needs')).toBeNull(); // optional
  expect(error('proofs')).toBe('请上传证明材料照片');
  expect(screen.getByTestId('apply-error').textContent).toContain('还有内容没有填好');
  expect(api.createApplication).not.toHaveBeenCalled();
  // fixing a field clears its message
  type('name', '王丽');
  expect(error('name')).toBeNull();
});

test('a filled form goes out cleaned (trimmed, numbers as numbers, upload keys) and opens the result', async () => {
  await open();
  await fillEveryField();
  expect((screen.getByTestId('input-proofs-0').querySelector('img') as HTMLImageElement).getAttribute('src')).toBe(
    'blob:one',
  );
  expect(up.uploadImage).toHaveBeenCalledWith('blob:one', 'application');
  api.createApplication.mockResolvedValue(application({ id: 'app-9' }));
  await act(async () => {
    fireEvent.click(screen.getByTestId('apply-submit'));
  });
  expect(api.createApplication).toHaveBeenCalledTimes(1);
  const [body, key] = api.createApplication.mock.calls[0];
  expect(body).toEqual({
    serviceCode: 'every-field',
    form: {
      name: '王丽',
      situation: '家中老人行动不便',
      familySize: 3,
      since: '2024-03-01',
      phone: '13904181234',
      idNumber: ID_NUMBER,
      purpose: '社保医保业务',
      needs: ['法律援助'],
      proofs: ['uploads/application/a.jpg', 'uploads/application/b.jpg'],
    },
  });
  expect(key).toMatch(/^[A-Za-z0-9_.:-]{8,128}$/);
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pkg-services/pages/result/index?id=app-9' });
});

test("the server's field errors show under their fields; a retry after a fix sends a new Idempotency-Key", async () => {
  await open();
  await fillEveryField();
  api.createApplication.mockRejectedValueOnce(
    new ApiError(400, 'VALIDATION_FAILED', '表单填写有误，请检查后重试', [
      { path: 'form.idNumber', message: '身份证号与申请人不一致' },
      { path: 'form.proofs', message: '图片未上传成功，请重新上传' },
    ]),
  );
  await act(async () => {
    fireEvent.click(screen.getByTestId('apply-submit'));
  });
  expect(error('idNumber')).toBe('身份证号与申请人不一致');
  expect(error('proofs')).toBe('图片未上传成功，请重新上传');
  expect(screen.getByTestId('apply-error').textContent).toBe('表单填写有误，请检查后重试');
  expect(Taro.redirectTo).not.toHaveBeenCalled();

  // a network failure: the same content retries with the same key
  type('idNumber', '11010519491231002X');
  api.createApplication.mockRejectedValueOnce(new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试'));
  await act(async () => {
    fireEvent.click(screen.getByTestId('apply-submit'));
  });
  expect(screen.getByTestId('apply-error').textContent).toContain('网络连接失败');
  api.createApplication.mockResolvedValueOnce(application({ id: 'app-10' }));
  await act(async () => {
    fireEvent.click(screen.getByTestId('apply-submit'));
  });
  const keys = api.createApplication.mock.calls.map((c) => c[1]);
  expect(keys[1]).not.toBe(keys[0]); // refused content → new key
  expect(keys[2]).toBe(keys[1]); // same content retried → same key
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pkg-services/pages/result/index?id=app-10' });
});

test('a message that belongs to no field shows above the button', async () => {
  await open(service('volunteer-registration'));
  type('idNumber', ID_NUMBER);
  fireEvent.click(screen.getByTestId('input-areas-助老助残'));
  pick('availableTime', '2');
  api.createApplication.mockRejectedValueOnce(
    new ApiError(400, 'VALIDATION_FAILED', '申请人尚未绑定居住单元，无法确定受理社区', [
      { path: 'onBehalfOf', message: '未绑定单元' },
    ]),
  );
  await act(async () => {
    fireEvent.click(screen.getByTestId('apply-submit'));
  });
  expect(api.createApplication.mock.calls[0][0].form).toEqual({
    name: '王丽',
    idNumber: ID_NUMBER,
    phone: '13904181234',
    areas: ['助老助残'],
    availableTime: '均可',
  });
  expect(screen.getByTestId('apply-error').textContent).toBe('申请人尚未绑定居住单元，无法确定受理社区');
});

test('photos: 删除 removes one; an upload failure says why under the field', async () => {
  await open();
  await addPhotos('proofs', ['blob:one', 'blob:two'], ['uploads/application/a.jpg', 'uploads/application/b.jpg']);
  fireEvent.click(screen.getByTestId('input-proofs-remove-0'));
  expect(screen.queryByTestId('input-proofs-1')).toBeNull();
  expect(screen.getByTestId('input-proofs-count').textContent).toContain('已上传 1 张，最多 9 张');

  (Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFilePaths: ['blob:big'] });
  up.uploadImage.mockRejectedValueOnce(new ApiError(413, 'PAYLOAD_TOO_LARGE', '图片不能超过 5 MB'));
  await act(async () => {
    fireEvent.click(screen.getByTestId('input-proofs-add'));
  });
  expect(screen.getByTestId('input-proofs-problem').textContent).toBe('图片不能超过 5 MB');
});

test('signed out: the service can be read; 登录后办理 comes back here', async () => {
  taro.__reset();
  api.getService.mockResolvedValue(service('legal-aid'));
  taro.__setRouterParams({ code: 'legal-aid' });
  render(<ServicePage />);
  await screen.findByTestId('service-name');
  expect(screen.queryByTestId('form')).toBeNull();
  expect(ep.getMe).not.toHaveBeenCalled();
  fireEvent.click(screen.getByTestId('apply-login'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: `/pages/login/index?redirect=${encodeURIComponent('/pkg-services/pages/service/index?code=legal-aid')}`,
  });
});

test('a resident without a unit is sent to 绑定单元; staff are told where they work instead', async () => {
  ep.getMe.mockResolvedValueOnce(resident());
  api.getService.mockResolvedValue(service('legal-aid'));
  taro.__setRouterParams({ code: 'legal-aid' });
  const { unmount } = render(<ServicePage />);
  fireEvent.click(await screen.findByTestId('apply-bind'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' });
  unmount();

  ep.getMe.mockResolvedValueOnce(worker());
  render(<ServicePage />);
  expect((await screen.findByTestId('apply-staff')).textContent).toContain('审核队列');
  expect(screen.queryByTestId('apply-submit')).toBeNull();
});

test('an unknown service shows the error with 重试', async () => {
  api.getService.mockRejectedValueOnce(new ApiError(404, 'NOT_FOUND', '事项不存在'));
  taro.__setRouterParams({ code: 'nope' });
  render(<ServicePage />);
  expect((await screen.findByTestId('state-error')).textContent).toContain('事项不存在');
});

test('a red proxy agent applies on behalf of the recipient of a task: no own details filled in, back to the task after', async () => {
  ep.getMe.mockResolvedValue(
    resident({ id: 'agent-demo', role: 'agent', name: '陈红', phone: '13704183344', unitId: 'u2' }),
  );
  api.getService.mockResolvedValue(service('old-age-allowance'));
  taro.__setRouterParams({ code: 'old-age-allowance', onBehalfOf: 'resident-elder', taskId: 'task-7' });
  render(<ServicePage />);
  expect((await screen.findByTestId('apply-behalf')).textContent).toContain('被帮扶对象');
  expect((screen.getByTestId('input-phone') as HTMLInputElement).value).toBe('');
  type('elderName', '刘淑珍');
  type('elderIdNumber', ID_NUMBER);
  type('phone', '13841871234');
  pick('applicantRelation', '4');
  await addPhotos('cardPhoto', ['blob:card'], ['uploads/application/card.jpg']);
  api.createApplication.mockResolvedValue(application({ id: 'app-5', status: 'completed' }));
  await act(async () => {
    fireEvent.click(screen.getByTestId('apply-submit'));
  });
  expect(api.createApplication.mock.calls[0][0]).toEqual({
    serviceCode: 'old-age-allowance',
    onBehalfOf: 'resident-elder',
    form: {
      elderName: '刘淑珍',
      elderIdNumber: ID_NUMBER,
      phone: '13841871234',
      applicantRelation: '红色代办员',
      cardPhoto: ['uploads/application/card.jpg'],
    },
  });
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pkg-services/pages/result/index?id=app-5&taskId=task-7' });
  expect(recentServices('agent-demo')).toEqual([]); // someone else's affair: not in the agent's 最近使用
});
