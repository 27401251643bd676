import { Text, View } from '@tarojs/components';
import { MAX_IMAGES } from '@gridlink/shared/fields';
import PhotoPicker, { sentPhotos, useKeysChanged, usePhotos } from '../../components/PhotoPicker';

interface Props {
  testId: string;
  /** upload keys already in the form */
  keys: string[];
  previews: Record<string, string>;
  disabled?: boolean;
  onChange: (keys: string[]) => void;
  onPreview: (key: string, url: string) => void;
}

/** Photos for an image field: the shared picker, the form holding the keys of those uploaded. */
export default function ImageField({ testId, keys, previews, disabled, onChange, onPreview }: Props) {
  const photos = usePhotos('application', MAX_IMAGES, {
    initial: sentPhotos(keys, previews),
    onUploaded: onPreview,
  });
  useKeysChanged(photos.keys, onChange);
  return (
    <View className="sf-images">
      <PhotoPicker photos={photos} testId={testId} disabled={disabled} />
      <Text
        className="sf-help sf-images__count"
        data-testid={`${testId}-count`}
      >{`已上传 ${photos.keys.length} 张，最多 ${MAX_IMAGES} 张`}</Text>
    </View>
  );
}
