/**
 * Track recording: weapp `wx.startLocationUpdate` + `onLocationChange`, h5 `navigator.geolocation.watchPosition`.
 * Points get the device's own `seq`, are buffered in storage (they survive a closed app and a dead
 * network) and uploaded in batches; a failed upload stays buffered and is retried on a timer and
 * when the network comes back. The server dedupes by seq, so a resent batch is harmless.
 */
import Taro from '@tarojs/taro';
import { uploadPoints, type TrackPoint } from './api';

const BUF = (id: string) => `patrol-buffer-${id}`;
const SEQ = (id: string) => `patrol-seq-${id}`;
const MIN_GAP_MS = 5000;
const BATCH = 200;

const read = (id: string): TrackPoint[] => (Taro.getStorageSync(BUF(id)) as TrackPoint[]) || [];
const write = (id: string, pts: TrackPoint[]) => Taro.setStorageSync(BUF(id), pts);

export const buffered = (id: string) => read(id).length;

/** Adds one fix to the buffer (at most one every 5 s). */
export function record(id: string, fix: { latitude: number; longitude: number; accuracy?: number }, at = Date.now()) {
  const pts = read(id);
  const last = pts[pts.length - 1];
  if (last && at - Date.parse(last.at) < MIN_GAP_MS) return;
  const seq = Number(Taro.getStorageSync(SEQ(id)) || 0);
  Taro.setStorageSync(SEQ(id), seq + 1);
  pts.push({
    seq,
    at: new Date(at).toISOString(),
    lat: fix.latitude,
    lng: fix.longitude,
    ...(fix.accuracy !== undefined ? { acc: Math.min(100000, Math.round(fix.accuracy)) } : {}),
  });
  write(id, pts);
}

let flushing = false;
/** Uploads what is buffered, batch by batch; what fails stays for the next try. */
export async function flush(id: string): Promise<number> {
  if (flushing) return 0;
  flushing = true;
  let sent = 0;
  try {
    for (;;) {
      const pts = read(id);
      if (!pts.length) break;
      const batch = pts.slice(0, BATCH);
      await uploadPoints(id, batch);
      const done = new Set(batch.map((p) => p.seq));
      write(
        id,
        read(id).filter((p) => !done.has(p.seq)),
      );
      sent += batch.length;
    }
  } catch {
    /* offline or refused: kept for the next try */
  } finally {
    flushing = false;
  }
  return sent;
}

export interface Recorder {
  stop(): Promise<void>;
}

/** Starts recording and uploading for `id`; `onPoint` hears each fix (for the page's counters). */
export function startRecording(id: string, onPoint?: () => void): Recorder {
  const onFix = (r: { latitude: number; longitude: number; accuracy?: number }) => {
    lastFix = { lat: r.latitude, lng: r.longitude, at: Date.now() };
    record(id, r);
    onPoint?.();
  };
  let watch: number | undefined;
  if (process.env.TARO_ENV === 'h5') {
    watch = navigator.geolocation?.watchPosition(
      (p) => onFix({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy }),
      () => undefined,
      { enableHighAccuracy: true, maximumAge: 5000 },
    );
  } else {
    Taro.startLocationUpdate({
      type: 'gcj02',
      fail: () => void Taro.showToast({ title: '请在设置中允许使用位置信息', icon: 'none' }),
    });
    Taro.onLocationChange(onFix);
  }
  const timer = setInterval(() => void flush(id), 15_000);
  const online = (r: { isConnected: boolean }) => r.isConnected && void flush(id);
  Taro.onNetworkStatusChange(online);
  return {
    async stop() {
      clearInterval(timer);
      Taro.offNetworkStatusChange?.(online);
      if (process.env.TARO_ENV === 'h5') {
        if (watch !== undefined) navigator.geolocation?.clearWatch(watch);
      } else {
        Taro.offLocationChange(onFix);
        Taro.stopLocationUpdate({ fail: () => undefined });
      }
      await flush(id);
    },
  };
}

let lastFix: { lat: number; lng: number; at: number } | undefined;

/** One fix now (clock-in, check-in, point-call answer): the recorder's latest if fresh, else a new one. */
export async function here(): Promise<{ lat: number; lng: number }> {
  if (lastFix && Date.now() - lastFix.at < 20_000) return { lat: lastFix.lat, lng: lastFix.lng };
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve, reject) =>
      navigator.geolocation.getCurrentPosition(
        (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
        () => reject(new Error('无法获取位置，请允许定位')),
        { enableHighAccuracy: true, timeout: 10000 },
      ),
    );
  }
  const r = await Taro.getLocation({ type: 'gcj02' });
  return { lat: r.latitude, lng: r.longitude };
}
