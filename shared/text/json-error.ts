// A JSON parse failure said in Chinese, with the place (line and column) and never the bytes
// themselves: the file may hold anything, and its bytes must not reach a terminal or a page.
// JSON.parse's own message is English and quotes the input ("Unexpected token '\u0001'…").

/** Where JSON.parse stopped, from its message ("at position 15", "(line 2 column 7)"). */
function positionOf(message: string): number | null {
  const m = /position (\d+)/.exec(message);
  return m ? Number(m[1]) : null;
}

/** 第 2 行第 7 列附近格式有误 / 内容在中途结束 / 格式有误 — for “…不是有效的 JSON：{this}”. */
export function describeJsonError(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/Unexpected end of JSON input|Unterminated/i.test(message) || text.trim() === '') return '内容在中途结束（文件可能不完整）';
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return `第 ${lc[1]} 行第 ${lc[2]} 列附近格式有误`;
  const pos = positionOf(message);
  if (pos === null || pos > text.length) return '格式有误';
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `第 ${line} 行第 ${column} 列附近格式有误`;
}
