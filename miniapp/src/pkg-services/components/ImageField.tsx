import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { MAX_IMAGES } from '@gridlink/shared/fields';
import { uploadImage } from '../../api/upload';

interface Props {
  testId: string;
  /** upload keys already in the form */
  keys: string[];
  previews: Record<string, string>;
  disabled?: boolean;
  onChange: (keys: string[]) => void;
  onPreview: (key: string, url: string) => void;
}

/** Photos for an image field: pick (album or camera), upload each, show previews; a tap enlarges, 删除 removes. */
export default function ImageField({ testId, keys, previews, disabled, onChange, onPreview }: Props) {
  const [uploading, setUploading] = useState(0);
  const [problem, setProblem] = useState('');
  const urls = keys.map((k) => previews[k]).filter((u): u is string => !!u);

  const add = async () => {
    if (disabled || uploading) return;
    setProblem('');
    let paths: string[];
    try {
      const picked = await Taro.chooseImage({
        count: MAX_IMAGES - keys.length,
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      paths = picked.tempFilePaths ?? [];
    } catch {
      return; // cancelled
    }
    if (!paths.length) return;
    setUploading(paths.length);
    const added: string[] = [];
    for (const path of paths.slice(0, MAX_IMAGES - keys.length)) {
      try {
        const key = await uploadImage(path, 'application');
        onPreview(key, path);
        added.push(key);
      } catch (e) {
        setProblem((e as Error).message || '图片上传失败，请重试');
      }
      setUploading((n) => n - 1);
    }
    setUploading(0);
    if (added.length) onChange([...keys, ...added]);
  };

  return (
    <View className="sf-images" data-testid={testId}>
      {keys.map((k, i) => (
        <View key={k} className="sf-image" data-testid={`${testId}-item-${i}`}>
          {previews[k] ? (
            <Image
              className="sf-image__img"
              src={previews[k]}
              mode="aspectFill"
              onClick={() => Taro.previewImage({ urls, current: previews[k] })}
            />
          ) : (
            <View className="sf-image__img sf-image__img--none">
              <Text>已上传</Text>
            </View>
          )}
          {!disabled && (
            <View
              className="sf-image__del"
              role="button"
              data-testid={`${testId}-remove-${i}`}
              onClick={() => onChange(keys.filter((x) => x !== k))}
            >
              删除
            </View>
          )}
        </View>
      ))}
      {keys.length < MAX_IMAGES && !disabled && (
        <View className="sf-image sf-image--add" role="button" data-testid={`${testId}-add`} onClick={add}>
          <Text className="sf-image__plus">{uploading ? '…' : '+'}</Text>
          <Text>{uploading ? `上传中（${uploading}）` : '添加照片'}</Text>
        </View>
      )}
      {problem && (
        <View className="sf-error" role="alert" data-testid={`${testId}-problem`}>
          {problem}
        </View>
      )}
      <Text className="sf-help sf-images__count">{`已上传 ${keys.length} 张，最多 ${MAX_IMAGES} 张`}</Text>
    </View>
  );
}
