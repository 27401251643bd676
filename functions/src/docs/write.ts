import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataModelText, openApiText } from './generate';

const root = path.resolve(process.argv[2] ?? '.');
writeFileSync(path.join(root, 'docs/openapi.json'), openApiText());
writeFileSync(path.join(root, 'DATA_MODEL.md'), dataModelText());
console.log('wrote docs/openapi.json and DATA_MODEL.md');
