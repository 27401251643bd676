/**
 * What was uploaded, made into what the import reads: a workbook stays a file; one .csv is named
 * after its sheet (the sheet is its file name); a .zip (a folder of .csv, zipped) is unpacked to
 * a folder — its .csv entries only, by their base names, within a size budget (a zip bomb is
 * refused, not unpacked).
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import unzipper from 'unzipper';
import { SourceError } from '../basedata/source';

/** unpacked .csv bytes a zip may hold (the job's ephemeral storage is sized for it: cdk) */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

/** a zip entry's name: UTF-8 when flagged or valid, else GB18030 (zips made by Chinese Windows) */
function entryName(e: { path: string; pathBuffer?: Buffer; isUnicode?: boolean }) {
  if (e.isUnicode || !e.pathBuffer) return e.path;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(e.pathBuffer);
  } catch {
    return new TextDecoder('gb18030').decode(e.pathBuffer);
  }
}

type Entry = { path: string; pathBuffer?: Buffer; isUnicode?: boolean; type: string; stream(): NodeJS.ReadableStream };

/** Unpack the .csv entries of `zipFile` into `dir`; returns the folder. */
export async function unzipCsv(zipFile: string, dir: string): Promise<string> {
  let zip: { files: Entry[] };
  try {
    zip = (await unzipper.Open.file(zipFile)) as unknown as { files: Entry[] };
  } catch {
    throw new SourceError('不是有效的 .zip 文件（请把 .csv 文件夹压缩为 zip 后上传）');
  }
  await mkdir(dir, { recursive: true });
  let budget = MAX_UNZIPPED_BYTES;
  const seen = new Set<string>();
  for (const e of zip.files) {
    const name = path.posix.basename(entryName(e).replace(/\\/g, '/'));
    if (e.type !== 'File' || !/\.csv$/i.test(name) || name.startsWith('.') || /(^|\/)__MACOSX\//.test(e.path)) continue;
    if (seen.has(name)) throw new SourceError(`压缩包中有两个「${name}」，请只保留一个`);
    seen.add(name);
    const cap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        budget -= chunk.length;
        if (budget < 0) return done(new SourceError('压缩包解压后超过 512 MB，请拆分后分批导入'));
        done(null, chunk);
      },
    });
    await pipeline(e.stream(), cap, createWriteStream(path.join(dir, name)));
  }
  if (!seen.size) throw new SourceError('压缩包中没有 .csv 文件');
  return dir;
}
