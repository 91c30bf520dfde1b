// The comparison for the editor benchmark: a plain TipTap StarterKit editor holding the same
// text as the plan (headings and paragraphs), with nothing of PlanDesk's.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

declare global {
  interface Window {
    __PLAIN_HTML__: string;
    __editorReady: number;
  }
}

const el = document.getElementById('editor')!;
const editor = new Editor({ element: el, extensions: [StarterKit], content: window.__PLAIN_HTML__ });
void editor;
window.__editorReady = performance.now();
