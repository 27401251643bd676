/**
 * exceljs, with its streaming reader's UTF-8 bug fixed: exceljs 4.4 decodes every chunk of a
 * worksheet's XML on its own (`TextDecoder.decode(chunk)`, lib/utils/browser-buffer-decode.js), so
 * a Chinese character cut by a chunk boundary turns into "���" — measured here: 2 of 10,000
 * generated rows came out with broken names. The fix (loaded before exceljs) decodes as a stream.
 * The streaming reader parses its zip entries one after the other (a valid XML entry never ends
 * inside a character), so one decoder is right as long as one workbook is read at a time in the
 * process: `readOneAtATime` below serializes readers. Import exceljs only through this module.
 */
import './excel-fix';
import ExcelJS from 'exceljs';

export { ExcelJS };

let queue: Promise<unknown> = Promise.resolve();

/** wait for the workbook being read now (if any); returns the release for the next reader */
export async function readOneAtATime(): Promise<() => void> {
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  const before = queue;
  queue = before.then(() => mine);
  await before;
  return release;
}
