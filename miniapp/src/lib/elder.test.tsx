import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { signInAs } from '../../test/services-fixtures';
import { clearToken } from '../api/session';
import { ELDER_CLASS, isElderMode, setElderMode, useElderMode } from './elder';

beforeEach(() => (Taro as unknown as { __reset(): void }).__reset());

function Page({ id }: { id: string }) {
  const { elderClass, toggle } = useElderMode();
  return <View className={`page ${elderClass}`} data-testid={id} onClick={toggle} />;
}

test('per user, off by default; every page on screen follows a switch at once', () => {
  signInAs('resident-elder');
  expect(isElderMode()).toBe(false);
  render(
    <>
      <Page id="a" />
      <Page id="b" />
    </>,
  );
  fireEvent.click(screen.getByTestId('a'));
  expect(screen.getByTestId('a').className).toBe(`page ${ELDER_CLASS}`);
  expect(screen.getByTestId('b').className).toBe(`page ${ELDER_CLASS}`);
  expect(isElderMode('resident-elder')).toBe(true);
  expect(isElderMode('resident-demo')).toBe(false);
  act(() => setElderMode(false));
  expect(screen.getByTestId('b').className).toBe('page ');
});

test('signed out it is kept for the phone (guest)', () => {
  clearToken();
  setElderMode(true);
  expect(Taro.getStorageSync('gridlink.elder.guest')).toBe(true);
  signInAs('resident-demo');
  expect(isElderMode()).toBe(false);
});
