// Review round with reviewers outside PlanDesk: the threads the library keeps, and what a
// returned Word/WPS file says (comments and tracked changes), before it is matched to tasks.

export interface ReviewComment {
  id: string;
  author: string;
  unit?: string;
  body: string;
  /** ISO time. */
  time: string;
}

/** A comment thread; its anchor is a `comment` TextMark whose id is the thread id. */
export interface ReviewThread {
  id: string;
  /** The commented words when the thread was made (for detached threads). */
  quote?: string;
  status: 'open' | 'resolved';
  /** The first comment opens the thread; the rest are replies, oldest first. */
  comments: ReviewComment[];
}

export interface ReviewReply {
  author: string;
  date?: string;
  text: string;
  /** The reply's own id in the file (a Word comment's w:id, an .odt annotation's name), when it has one. */
  sourceId?: string;
  /** The id in the file of the comment it answers (the thread's first comment or another reply). */
  parentId?: string;
}

/** One opinion found in a returned file: a Word comment, or a tracked insertion / deletion. */
export interface ReviewItem {
  kind: 'comment' | 'insertion' | 'deletion';
  /** A comment's id in the file (Word w:id, .odt annotation name): what its replies name as parent. */
  sourceId?: string;
  author: string;
  /** As written in the file (ISO dateTime), when there is one. */
  date?: string;
  /** The comment's body, or the inserted / deleted text. */
  text: string;
  /**
   * The commented range (paragraphs joined by "\n" when it spans several), or the inserted /
   * deleted text as it stands in the paragraph.
   */
  anchorText: string;
  /** The paragraph's text before the anchor (its start paragraph). */
  before: string;
  /** The paragraph's text after the anchor (in its start paragraph). */
  after: string;
  /** The whole paragraph the anchor starts in: inserted and deleted text both included. */
  paragraphText: string;
  replies?: ReviewReply[];
  /** A comment marked done (Word 2013+ commentsExtended w15:done). */
  resolved?: boolean;
  /**
   * Read from a file that records no place for it (a Word 97–2003 / WPS binary file): it is kept
   * as an opinion not tied to a task, never guessed onto one.
   */
  unplaced?: boolean;
}

export interface ReviewTarget {
  /** Node path, as paths.ts writes them: body/1/children/0. */
  path: string;
  /** The node's id (issue 14): what the opinion is attached to. */
  nodeId?: string;
  field: 'title' | 'text';
  /** UTF-16 offsets into the field's string (from === to: a point, e.g. where text was inserted). */
  from: number;
  to: number;
}

export interface ReviewMatch {
  item: ReviewItem;
  /** null: the text it refers to is no longer in the plan (detached, kept). */
  target: ReviewTarget | null;
  /** 0–1: how sure the match is (0 when detached). */
  score: number;
}

export interface SamePlanResult {
  same: boolean;
  /** Share of paragraphs found again (the plan's in the file or the file's in the plan, the larger), 0–1. */
  similarity: number;
  /** Chinese warning, when the file looks like another plan. */
  message?: string;
}
