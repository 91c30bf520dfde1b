// Pure helpers for exporting a plan as an official document (GB/T 9704-2012).
export * from '../text/doc-number';
export { formatChineseDate, todayIso } from '../text/dates';
export * from './options';
export * from './resolve';
export * from '../plan/running-text';
export * from './title-lines';
