export { exportPlanDocx, buildPlanDocument } from './plan-docx';
export { exportTaskTableDocx, taskTableRows, type TaskRow } from './task-table-docx';
export { exportToFile, type ExportKind, type ExportResult } from './to-file';
