/** The one recorder of the patrol under way: it keeps running while the worker files events on other pages. */
import { startRecording, type Recorder } from './track';

let current: { id: string; rec: Recorder } | undefined;

export function ensureRecording(id: string, onPoint?: () => void) {
  if (current?.id === id) return;
  void current?.rec.stop();
  current = { id, rec: startRecording(id, onPoint) };
}

export async function stopRecording() {
  const c = current;
  current = undefined;
  await c?.rec.stop();
}
