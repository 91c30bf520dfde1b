// The walks of the body tree are iterative (issue 16, defect 8): a tree 20,000 deep — which
// the schema refuses, but a walk must not rely on that — is walked without "Maximum call stack
// size exceeded", in document order.
import { describe, expect, it } from 'vitest';
import { bodyToBlocks, blocksToBody } from '../../shared/plan/flat';
import { assignBodyIds, hasValidIds, indexById } from '../../shared/plan/ids';
import { renumber, walkOutline } from '../../shared/plan/numbering';
import { countTasks, flattenOutline } from '../../shared/plan/outline';
import { blockPaths } from '../../shared/plan/paths';
import { countPendingSuggestions, withoutPendingSuggestions } from '../../shared/plan/pending-suggestions';
import { DEFAULT_NUMBERING, type BodyNode } from '../../shared/plan/schema';
import { walkBody } from '../../shared/plan/walk';

const DEPTH = 20_000; // well past what recursion survives (about 10,000 frames)

function deep(): BodyNode[] {
  const body: BodyNode[] = [];
  let list = body;
  for (let i = 0; i < DEPTH; i++) {
    const node: BodyNode = { type: 'task', level: 4, ordinal: 1, title: `t${i}`, text: '', lead: [], support: [], targets: [], children: [] };
    list.push(node);
    list = node.children;
  }
  list.push({ type: 'paragraph', text: 'end' });
  return body;
}

describe('walks of a very deep tree', () => {
  it('every walk of shared/plan finishes', () => {
    const body = deep();
    let n = 0;
    walkOutline(body, () => n++);
    expect(n).toBe(DEPTH);
    expect(countTasks(body)).toBe(DEPTH);
    expect(flattenOutline(body).length).toBe(DEPTH);
    expect(assignBodyIds(body)).toBe(DEPTH + 1);
    expect(hasValidIds(body)).toBe(true);
    expect(indexById(body).size).toBe(DEPTH + 1);
    expect(blockPaths(body).length).toBe(DEPTH + 1);
    const blocks = bodyToBlocks(body);
    expect(blocks.length).toBe(DEPTH + 1);
    expect(blocks[DEPTH]).toMatchObject({ type: 'paragraph', under: 4 });
    expect(blocksToBody(blocks).length).toBe(DEPTH); // level-4 tasks are siblings in the flat form
    expect(countPendingSuggestions(body)).toBe(0);
    expect(withoutPendingSuggestions(body).length).toBe(1);
    expect(() => renumber(body.slice(0, 0), DEFAULT_NUMBERING)).not.toThrow();
  });

  it('walkBody visits in document order with paths, depths and parents', () => {
    const body: BodyNode[] = [
      {
        type: 'heading',
        level: 1,
        ordinal: 1,
        title: 'a',
        children: [
          { type: 'paragraph', text: 'p' },
          { type: 'heading', level: 2, ordinal: 1, title: 'b', children: [] },
        ],
      },
      { type: 'paragraph', text: 'q' },
    ];
    const seen: string[] = [];
    walkBody(body, (n, s) => void seen.push(`${s.path}:${s.depth}:${s.parent?.title ?? '-'}:${n.type === 'paragraph' ? n.text : n.title}`));
    expect(seen).toEqual(['body/0:0:-:a', 'body/0/children/0:1:a:p', 'body/0/children/1:1:a:b', 'body/1:0:-:q']);
  });
});
