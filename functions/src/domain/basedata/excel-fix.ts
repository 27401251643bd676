/** See ./excel.ts: exceljs' chunk decoder, made a streaming one (before exceljs itself loads). */
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore — an internal CommonJS module of exceljs without types
import decode from 'exceljs/lib/utils/browser-buffer-decode';

const decoder = new TextDecoder('utf-8');
(decode as { bufferToString: (chunk: unknown) => string }).bufferToString = (chunk) =>
  typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
