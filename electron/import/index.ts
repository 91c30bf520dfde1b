export { readImportFile, detectKind, MAX_DOCX_BYTES, MAX_TEXT_BYTES, type ImportKind } from './read-file';
export { decodeText, type DecodedText, type TextEncoding } from './encoding';
