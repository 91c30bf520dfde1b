// JSON parse failures said in Chinese with the place, never echoing the file's bytes (issue 16).
import { describe, expect, it } from 'vitest';
import { describeJsonError } from '../../shared/text/json-error';

const why = (text: string) => {
  try {
    JSON.parse(text);
  } catch (err) {
    return describeJsonError(text, err);
  }
  return 'parsed';
};

describe('describeJsonError', () => {
  it('gives the line and column, in Chinese, without the bytes', () => {
    const text = '{\n  "title": "x",\n  \u0001\u00ff garbage\n}';
    const s = why(text);
    expect(s).toBe('第 3 行第 3 列附近格式有误');
    expect(s).not.toMatch(/[A-Za-z\u0001\u00ff]/);
  });
  it('a file cut short, and an empty one', () => {
    expect(why('{"title": "x", "body": [')).toBe('内容在中途结束（文件可能不完整）');
    expect(why('   ')).toBe('内容在中途结束（文件可能不完整）');
  });
});
