import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import './PhotoPicker.css';

/** Photos as thumbnails (read only); a tap shows them full size. Nothing for no photos. */
export default function PhotoGrid({ urls, testId, small }: { urls: string[]; testId: string; small?: boolean }) {
  if (!urls.length) return null;
  return (
    <View className="photos" data-testid={testId}>
      {urls.map((url, i) => (
        <Image
          key={url}
          className={`photos__img photos__img--shown${small ? ' photos__img--small' : ''}`}
          src={url}
          mode="aspectFill"
          data-testid={`${testId}-${i}`}
          onClick={() => Taro.previewImage({ urls, current: url })}
        />
      ))}
    </View>
  );
}
