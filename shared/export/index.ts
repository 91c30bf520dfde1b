// Pure helpers for exporting a plan as an official document (GB/T 9704-2012). The rules of text
// it uses (文号, dates) are in ../text, a task's running text in ../plan/running-text.
export * from './options';
export * from './resolve';
export * from './title-lines';
