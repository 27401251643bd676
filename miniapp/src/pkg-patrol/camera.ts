/**
 * A live photo, camera only (a point-call answer must not come from the album): weapp
 * `chooseMedia` with sourceType ['camera']; h5 an `<input type="file" capture>`.
 */
import Taro from '@tarojs/taro';

export async function takeLivePhoto(): Promise<string | undefined> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = 'image/*';
      input.setAttribute('capture', 'environment');
      input.setAttribute('data-testid', 'camera-input');
      input.style.display = 'none';
      input.onchange = () => {
        const f = input.files?.[0];
        input.remove();
        resolve(f ? URL.createObjectURL(f) : undefined);
      };
      document.body.appendChild(input);
      input.click();
    });
  }
  try {
    const r = await Taro.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sourceType: ['camera'],
      sizeType: ['compressed'],
    });
    return r.tempFiles[0]?.tempFilePath;
  } catch {
    return undefined; // cancelled
  }
}
