// What the import tests compare: an outline as one line per item, and the refusal of a file.
import { expect } from 'vitest';
import { readImportFile } from '../../electron/import/read-file';
import { AppError } from '../../shared/errors';
import { walkOutline } from '../../shared/plan/numbering';
import type { BodyNode } from '../../shared/plan/schema';

/** "task3.1 标题" per heading/task, in document order. */
export function outline(body: readonly BodyNode[]): string[] {
  const out: string[] = [];
  walkOutline(body, (n) => out.push(`${n.type}${n.level}.${n.ordinal} ${n.title}`));
  return out;
}

/** The AppError readImportFile throws for this file (fails the test when the file is accepted). */
export async function rejects(name: string, bytes: Uint8Array): Promise<AppError> {
  try {
    await readImportFile(name, bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error(`${name} was accepted`);
}
