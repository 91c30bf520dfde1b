// Shared by the sample tests and the fixture test: reads ../shared/samples and flattens an
// import result into the oracle's shape (*.expected.json).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BodyNode, PlanDocument } from '../../shared/plan/schema';

export const SAMPLES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/samples');

export function sampleNames(): string[] {
  return readdirSync(SAMPLES_DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''))
    .sort();
}

export function readSample(name: string): { text: string; expected: Expected } {
  return {
    text: readFileSync(join(SAMPLES_DIR, `${name}.txt`), 'utf8'),
    expected: JSON.parse(readFileSync(join(SAMPLES_DIR, `${name}.expected.json`), 'utf8')) as Expected,
  };
}

export interface ExpectedItem {
  kind: 'heading' | 'task';
  level: number;
  ordinal: number;
  title: string;
  lead?: string[];
  support?: string[];
  note?: string;
  targets?: string[];
}

export interface Expected {
  source: string;
  meta: Record<string, unknown>;
  outline: ExpectedItem[];
}

/** The outline flattened in document order, in the oracle's shape (empty lists left out). */
export function flatten(doc: PlanDocument): ExpectedItem[] {
  const out: ExpectedItem[] = [];
  const visit = (nodes: readonly BodyNode[]): void => {
    for (const n of nodes) {
      if (n.type === 'paragraph') continue;
      const item: ExpectedItem = { kind: n.type, level: n.level, ordinal: n.ordinal, title: n.title };
      if (n.type === 'task') {
        if (n.lead.length) item.lead = n.lead;
        if (n.support.length) item.support = n.support;
        if (n.unitsNote) item.note = n.unitsNote;
      }
      const targets = n.targets ?? [];
      if (targets.length) item.targets = targets.map((t) => t.text);
      out.push(item);
      visit(n.children);
    }
  };
  visit(doc.body);
  return out;
}
