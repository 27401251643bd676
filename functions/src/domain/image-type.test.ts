import { sniffImage } from './image-type';

const hex = (h: string) => Buffer.from(h.replace(/\s/g, ''), 'hex');
const riff = (kind: string) => Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 2, 3, 4]), Buffer.from(kind)]);
const ftyp = (brand: string) => Buffer.concat([hex('00000018'), Buffer.from('ftyp' + brand), Buffer.alloc(8)]);

describe('sniffImage', () => {
  it.each([
    ['jpeg (JFIF)', hex('ffd8ffe000104a464946'), 'image/jpeg'],
    ['jpeg (Exif)', hex('ffd8ffe1'), 'image/jpeg'],
    ['png', hex('89504e470d0a1a0a0000000d49484452'), 'image/png'],
    ['webp', Buffer.concat([riff('WEBP'), Buffer.from('VP8 ')]), 'image/webp'],
    ['gif87a', Buffer.from('GIF87a\x01\x00'), 'image/gif'],
    ['gif89a', Buffer.from('GIF89a\x01\x00'), 'image/gif'],
    ['heic', ftyp('heic'), 'image/heic'],
    ['heif (mif1)', ftyp('mif1'), 'image/heic'],
  ])('%s', (_name, bytes, type) => expect(sniffImage(bytes)).toBe(type));

  it.each([
    ['text', Buffer.from('hello, this is not an image')],
    ['html', Buffer.from('<html><script>alert(1)</script>')],
    ['pdf', Buffer.from('%PDF-1.7')],
    ['zip', hex('504b0304')],
    ['wav (RIFF but not WEBP)', riff('WAVE')],
    ['mp4 (ftyp isom)', ftyp('isom')],
    ['truncated png', hex('89504e47')],
    ['truncated jpeg', hex('ffd8')],
    ['empty', Buffer.alloc(0)],
  ])('%s is no image', (_name, bytes) => expect(sniffImage(bytes)).toBeUndefined());
});
