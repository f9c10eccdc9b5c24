/** Writes docs/functions.md from the function registry (`npm run docs`). test/docs.test.ts keeps it current. */
import * as fs from 'fs';
import * as path from 'path';
import { renderMarkdown } from '../shared/docs/reference';

export const FUNCTIONS_MD = path.resolve(__dirname, '../docs/functions.md');

const text = renderMarkdown();
fs.mkdirSync(path.dirname(FUNCTIONS_MD), { recursive: true });
fs.writeFileSync(FUNCTIONS_MD, text);
console.log(`Wrote ${path.relative(process.cwd(), FUNCTIONS_MD)} (${text.split('\n').length} lines)`);
