// Import operations: a file's bytes, or pasted text/HTML, analysed into a plan (not stored:
// the user confirms the preview first, then plans.create stores it).
import type { ServiceImpl } from '../../shared/contract';
import { analyzePlanHtml, analyzePlanText } from '../../shared/import/analyze';
import { readImportFile } from '../import';

export function createImportServices(): Pick<ServiceImpl, 'import.file' | 'import.paste'> {
  return {
    'import.file': ({ fileName, bytes }) => readImportFile(fileName, bytes),
    'import.paste': ({ text, html }) => (html?.trim() ? analyzePlanHtml(html) : analyzePlanText(text ?? '')),
  };
}
