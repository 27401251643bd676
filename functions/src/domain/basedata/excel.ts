/**
 * Reading an .xlsx row by row, reliably. exceljs 4.4's streaming WorkbookReader has two bugs we
 * measured here, so we drive its parts ourselves:
 * - it reads the zip in one streaming pass (unzipper.Parse), which on Node ≥ 18 sometimes ends
 *   before the last entry — exceljs writes `xl/workbook.xml` last, so the reader then fails with
 *   "Cannot read properties of undefined (reading 'sheets')": 12 of 100 reads of our own template
 *   (exceljs/exceljs#3064). We open the zip by its central directory (unzipper.Open) and read the
 *   parts in the order they are needed: relations, workbook, shared strings, styles, then the
 *   wanted worksheets in the workbook's order;
 * - it decodes every chunk on its own (`TextDecoder.decode(chunk)`), so a Chinese character cut by
 *   a chunk boundary turns into "���" (2 of 10,000 generated rows). Each part is decoded here by
 *   its own StringDecoder (exceljs passes strings through untouched), so readers never share state.
 * Import exceljs only through this module.
 */
import { StringDecoder } from 'node:string_decoder';
import { Transform, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore — an internal CommonJS module of exceljs without types
import iterateStream from 'exceljs/lib/utils/iterate-stream';

export { ExcelJS };

/** Bytes of the workbook's parts read so far (progress and ETA of the CLI). */
export interface PartMeter {
  total: number;
  read: number;
}

/** the parts of exceljs' WorkbookReader we drive (internal API of exceljs 4.4, pinned) */
interface ReaderParts {
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(s: Readable): Promise<void>;
  _parseWorkbook(s: Readable): Promise<void>;
  _parseSharedStrings(s: Readable): AsyncIterable<unknown>;
  _parseStyles(s: Readable): Promise<void>;
  _parseWorksheet(it: AsyncIterable<unknown>, sheetNo: string): Iterable<{ value: WorksheetRows }>;
}

export interface WorksheetRows extends AsyncIterable<{ number: number; values: unknown }> {
  name: string;
}

type Entry = { path: string; uncompressedSize: number; stream(): Readable };

/** the part's text, decoded as one stream (multi-byte characters whole across chunks) */
function text(entry: Entry, meter?: PartMeter): Readable {
  const decoder = new StringDecoder('utf8');
  const decode = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      if (meter) meter.read += chunk.length;
      done(null, decoder.write(chunk) || undefined);
    },
    flush(done) {
      done(null, decoder.end() || undefined);
    },
  });
  const raw = entry.stream();
  raw.on('error', (e) => decode.destroy(e));
  return raw.pipe(decode);
}

const partPath = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);

/**
 * The worksheets of an .xlsx file in the workbook's order: `{ name }` for each, with its rows
 * (streamed) when `wanted(name)`. Throws on a file that is not a workbook.
 */
export async function* readWorksheets(
  file: string,
  wanted: (name: string) => boolean,
  meter?: PartMeter,
): AsyncGenerator<{ name: string; rows?: WorksheetRows }> {
  const zip = (await unzipper.Open.file(file)) as unknown as { files: Entry[] };
  const part = (p: string) => zip.files.find((f) => f.path === p);
  const rels = part('xl/_rels/workbook.xml.rels');
  const book = part('xl/workbook.xml');
  if (!rels || !book) throw new Error('缺少 xl/workbook.xml');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as ReaderParts;
  await reader._parseRels(text(rels));
  await reader._parseWorkbook(text(book));
  const sheets = (reader.model?.sheets ?? []).map((s) => {
    const target = reader.workbookRels?.find((r) => r.Id === s.rId)?.Target ?? '';
    return { name: String(s.name ?? '').trim(), entry: part(partPath(target)), no: /(\d+)\.xml$/.exec(target)?.[1] };
  });
  const strings = part('xl/sharedStrings.xml');
  const styles = part('xl/styles.xml');
  const reading = sheets.filter((s) => wanted(s.name));
  if (meter) for (const e of [strings, styles, ...reading.map((s) => s.entry)]) meter.total += e?.uncompressedSize ?? 0;
  if (strings) for await (const _ of reader._parseSharedStrings(text(strings, meter))) void _;
  if (styles) await reader._parseStyles(text(styles, meter));
  for (const s of sheets) {
    if (!wanted(s.name)) {
      yield { name: s.name };
      continue;
    }
    if (!s.entry) throw new Error(`工作表“${s.name}”的内容缺失`);
    for (const { value } of reader._parseWorksheet(iterateStream(text(s.entry, meter)), s.no ?? '0')) {
      value.name = s.name;
      yield { name: s.name, rows: value };
    }
  }
}
