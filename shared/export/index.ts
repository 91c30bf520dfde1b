// Pure helpers for exporting a plan as an official document (GB/T 9704-2012).
export * from './doc-number';
export * from './dates';
export * from './options';
export * from './resolve';
export * from './task-text';
export * from './title-lines';
