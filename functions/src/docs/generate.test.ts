import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dataModelText, openApiText } from './generate';

const root = path.resolve(__dirname, '../../..');

describe('generated documents are current (run `npm run docs` after changing routes or keys)', () => {
  it('docs/openapi.json', () => {
    expect(readFileSync(path.join(root, 'docs/openapi.json'), 'utf8')).toBe(openApiText());
  });
  it('DATA_MODEL.md', () => {
    expect(readFileSync(path.join(root, 'DATA_MODEL.md'), 'utf8')).toBe(dataModelText());
  });
});
