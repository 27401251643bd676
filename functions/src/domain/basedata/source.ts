/**
 * Where base-data rows come from: one streamed `.xlsx` workbook (exceljs WorkbookReader: row by
 * row, never the whole file) or `.csv` files named after the sheets (a folder of them, or one),
 * UTF-8 with or without BOM (GB18030 is detected and decoded, and said so in the report).
 * Both yield the same events, so the import has one code path.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { readWorksheets } from './excel';

/** A cell as the import sees it: plain values, or a marker for what it refuses. */
export type Cell = string | number | boolean | Date | null | { formula: string } | { error: string };

export type SourceEvent =
  | { kind: 'sheet'; sheet: string }
  | { kind: 'row'; sheet: string; row: number; values: Cell[] }
  | { kind: 'note'; sheet: string; message: string };

export interface BaseDataSource {
  /** stream the sheets in file order; rows only of the `wanted` ones (the others are skipped) */
  read(wanted: ReadonlySet<string>): AsyncIterable<SourceEvent>;
}

/** Bytes of the file read so far (progress and ETA of the CLI). */
export interface ByteMeter {
  total: number;
  read: number;
}

function metered<T extends Readable>(stream: T, meter?: ByteMeter): T {
  if (meter) stream.on('data', (c: Buffer) => (meter.read += c.length));
  return stream;
}

/** The whole file is unusable: said once, nothing imported. */
export class SourceError extends Error {}

function cell(v: unknown): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) return { formula: String(o.formula ?? o.sharedFormula) };
  if ('error' in o) return { error: String(o.error) };
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
  if ('text' in o) return String(o.text);
  return String(v);
}

/** A workbook file, read part by part through its zip directory (see ./excel.ts). */
export function xlsxSource(file: string, meter?: ByteMeter): BaseDataSource {
  return {
    async *read(wanted) {
      try {
        for await (const ws of readWorksheets(file, (name) => wanted.has(name), meter)) {
          yield { kind: 'sheet', sheet: ws.name };
          if (!ws.rows) continue;
          for await (const row of ws.rows) {
            const values = (row.values as unknown[]).slice(1).map(cell);
            yield { kind: 'row', sheet: ws.name, row: row.number, values };
          }
        }
      } catch (e) {
        if (e instanceof SourceError) throw e;
        throw new SourceError(`无法读取 xlsx 文件：${(e as Error).message}`);
      }
    },
  };
}

const BOM = '\uFEFF';

/** Is this buffer valid UTF-8 (a cut multi-byte sequence at the very end is allowed)? */
function isUtf8(buf: Buffer) {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf, { stream: true });
    return true;
  } catch {
    return false;
  }
}

async function* decoded(file: string, sheet: string, meter?: ByteMeter): AsyncGenerator<string | SourceEvent> {
  const fh = await open(file);
  const head = Buffer.alloc(64 * 1024);
  const { bytesRead } = await fh.read(head, 0, head.length, 0);
  await fh.close();
  const utf8 = isUtf8(head.subarray(0, bytesRead));
  if (!utf8) yield { kind: 'note', sheet, message: '文件不是 UTF-8 编码，已按 GB18030（GBK）读取；建议另存为 UTF-8' };
  const decoder = new TextDecoder(utf8 ? 'utf-8' : 'gb18030', { fatal: true });
  try {
    for await (const chunk of metered(createReadStream(file), meter))
      yield decoder.decode(chunk as Buffer, { stream: true });
    yield decoder.decode();
  } catch {
    throw new SourceError(`${path.basename(file)}：文件中混有不同编码的内容，无法读取；请整体另存为 UTF-8`);
  }
}

async function* csvRows(file: string, sheet: string, meter?: ByteMeter): AsyncGenerator<SourceEvent> {
  const notes: SourceEvent[] = [];
  // decoding first into the parser's stream (the parser pulls as it goes: memory stays one chunk)
  const chars = Readable.from(
    (async function* () {
      for await (const part of decoded(file, sheet, meter)) {
        if (typeof part === 'string') yield part;
        else notes.push(part);
      }
    })(),
  );
  const parser = chars.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: false }));
  chars.on('error', (e) => parser.destroy(e));
  let row = 0;
  try {
    for await (const rec of parser as AsyncIterable<string[]>) {
      while (notes.length) yield notes.shift()!;
      row++;
      const values = rec.map((v, i) => (row === 1 && i === 0 ? v.replace(BOM, '') : v) || null);
      yield { kind: 'row', sheet, row, values };
    }
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(`${path.basename(file)}：CSV 格式错误（${(e as Error).message}）`);
  }
  while (notes.length) yield notes.shift()!;
}

/** `.csv` files named after the sheets (网格.csv, 人口.csv, …): a folder of them, or one file. */
export function csvSource(files: string[], meter?: ByteMeter): BaseDataSource {
  return {
    async *read(wanted) {
      for (const file of files) {
        const sheet = path
          .basename(file)
          .replace(/\.csv$/i, '')
          .trim();
        yield { kind: 'sheet', sheet };
        if (wanted.has(sheet)) yield* csvRows(file, sheet, meter);
      }
    },
  };
}

/** A path given to `npm run import`: a folder of .csv, one .csv, or an .xlsx (checked by its bytes). */
export async function openSource(p: string, meter?: ByteMeter): Promise<BaseDataSource> {
  const st = await stat(p).catch(() => undefined);
  if (!st) throw new SourceError(`找不到文件或文件夹：${p}`);
  if (st.isDirectory()) {
    const files = (await readdir(p)).filter((f) => /\.csv$/i.test(f)).sort();
    if (!files.length) throw new SourceError('文件夹中没有 .csv 文件');
    const full = files.map((f) => path.join(p, f));
    if (meter) for (const f of full) meter.total += (await stat(f)).size;
    return csvSource(full, meter);
  }
  if (st.size === 0) throw new SourceError('文件为空');
  if (/\.csv$/i.test(p)) {
    if (meter) meter.total += st.size;
    return csvSource([p], meter);
  }
  const fh = await open(p);
  const magic = Buffer.alloc(4);
  await fh.read(magic, 0, 4, 0);
  await fh.close();
  if (!magic.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])))
    throw new SourceError('不是有效的 .xlsx 文件（请使用模板另存为 Excel 工作簿 .xlsx，或导出为 UTF-8 的 .csv）');
  return xlsxSource(p, meter); // its meter counts the parts it reads, unpacked
}
