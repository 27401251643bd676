/**
 * Photos for a form (报事, 办件材料, 代办现场照片): pick from the album or camera, upload each at once,
 * show thumbnails with their upload state; a tap enlarges, × removes, a failed one retries on tap.
 */
import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { uploadImage, type UploadPurpose } from '../api/upload';
import './PhotoPicker.css';

export interface Photo {
  id: number;
  /** what to show: the picked file, or a signed link for a photo sent before */
  path: string;
  /** the upload key, once uploaded */
  key?: string;
  state: 'uploading' | 'done' | 'failed';
  error?: string;
}

export interface Photos {
  photos: Photo[];
  max: number;
  /** the keys of the uploaded photos, in order */
  keys: string[];
  uploading: boolean;
  failed: boolean;
  add: () => Promise<void>;
  retry: (p: Photo) => Promise<void>;
  remove: (id: number) => void;
}

/** Photos already sent (a 补正 form): upload keys with something to show for them. */
export const sentPhotos = (keys: string[], previews: Record<string, string>): Photo[] =>
  keys.map((key, i) => ({ id: -1 - i, key, path: previews[key] ?? '', state: 'done' }));

/** The photo list and its uploads; `onUploaded` hears each finished upload (key, local path). */
export function usePhotos(
  purpose: UploadPurpose,
  max: number,
  { initial = [], onUploaded }: { initial?: Photo[]; onUploaded?: (key: string, path: string) => void } = {},
): Photos {
  const [photos, setPhotos] = useState<Photo[]>(initial);
  const nextId = useRef(1);
  const patch = (id: number, p: Partial<Photo>) =>
    setPhotos((list) => list.map((x) => (x.id === id ? { ...x, ...p } : x)));

  const upload = async (p: Photo) => {
    patch(p.id, { state: 'uploading', error: undefined });
    try {
      const key = await uploadImage(p.path, purpose);
      patch(p.id, { state: 'done', key });
      onUploaded?.(key, p.path);
    } catch (e) {
      const message = (e as Error).message || '图片上传失败';
      patch(p.id, { state: 'failed', error: message });
      Taro.showToast({ title: message, icon: 'none' });
    }
  };

  const add = async () => {
    const room = max - photos.length;
    if (room <= 0) return;
    let paths: string[];
    try {
      const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      paths = (res.tempFilePaths ?? []).slice(0, room);
    } catch {
      return; // cancelled
    }
    const added = paths.map((path) => ({ id: nextId.current++, path, state: 'uploading' as const }));
    setPhotos((list) => [...list, ...added]);
    await Promise.all(added.map(upload));
  };

  const remove = (id: number) => setPhotos((list) => list.filter((p) => p.id !== id));
  const keys = photos.filter((p) => p.state === 'done' && p.key).map((p) => p.key as string);
  return {
    photos,
    max,
    keys,
    uploading: photos.some((p) => p.state === 'uploading'),
    failed: photos.some((p) => p.state === 'failed'),
    add,
    retry: upload,
    remove,
  };
}

/** Calls `onChange` with the uploaded keys whenever they change (not on the first render). */
export function useKeysChanged(keys: string[], onChange: (keys: string[]) => void) {
  const last = useRef(keys.join('\n'));
  const listener = useRef(onChange);
  listener.current = onChange;
  const now = keys.join('\n');
  useEffect(() => {
    if (now === last.current) return;
    last.current = now;
    listener.current(now ? now.split('\n') : []);
  }, [now]);
}

/** Thumbnails, their upload state and the + tile; `${testId}-0`, `${testId}-remove-0`, `${testId}-add` … */
export default function PhotoPicker({
  photos: ph,
  testId,
  disabled,
}: {
  photos: Photos;
  testId: string;
  disabled?: boolean;
}) {
  const { photos } = ph;
  const urls = photos.map((x) => x.path).filter(Boolean);
  const problem = photos.find((x) => x.state === 'failed')?.error;
  return (
    <View className="photos" data-testid={testId}>
      {photos.map((p, i) => (
        <View key={p.id} className="photos__item" data-testid={`${testId}-${i}`}>
          {p.path ? (
            <Image
              className="photos__img"
              src={p.path}
              mode="aspectFill"
              onClick={() => Taro.previewImage({ urls, current: p.path })}
            />
          ) : (
            <Text className="photos__none">已上传</Text>
          )}
          {p.state === 'uploading' && <Text className="photos__state">上传中…</Text>}
          {p.state === 'failed' && (
            <Text
              className="photos__state photos__state--failed"
              data-testid={`${testId}-retry-${i}`}
              onClick={() => ph.retry(p)}
            >
              上传失败，点按重试
            </Text>
          )}
          {!disabled && (
            <View
              className="photos__remove"
              role="button"
              data-testid={`${testId}-remove-${i}`}
              aria-label="删除照片"
              onClick={() => ph.remove(p.id)}
            >
              ×
            </View>
          )}
        </View>
      ))}
      {photos.length < ph.max && !disabled && (
        <View className="photos__item photos__item--add" role="button" data-testid={`${testId}-add`} onClick={ph.add}>
          <Text className="photos__plus">+</Text>
          <Text className="photos__plus-text">拍照/相册</Text>
        </View>
      )}
      {!!problem && (
        <View className="photos__problem" role="alert" data-testid={`${testId}-problem`}>
          {problem}
        </View>
      )}
    </View>
  );
}
