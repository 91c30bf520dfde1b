// Validation messages in Chinese with the field path, e.g. "meta.year：应为整数".
import type { z } from 'zod';
import { AppError, type AppErrorCode } from './errors';
import { assignIds } from './plan/ids';
import { PlanDocumentSchema, type PlanDocument } from './plan/schema';

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  undefined: '空',
  null: '空',
};

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      // zod 4 does not report the input unless asked: a missing field is told by its message.
      const missing = 'input' in issue ? issue.input === undefined : /received undefined$/.test(issue.message);
      return missing ? `缺少此项（应为${expected}）` : `应为${expected}`;
    }
    case 'too_small':
      if (!issue.message.startsWith('Too')) return issue.message; // a message written in the schema
      return issue.origin === 'string'
        ? `不能少于 ${String(issue.minimum)} 个字符`
        : issue.origin === 'array'
          ? `至少要有 ${String(issue.minimum)} 项`
          : `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      if (!issue.message.startsWith('Too')) return issue.message;
      return issue.origin === 'string'
        ? `不能多于 ${String(issue.maximum)} 个字符`
        : issue.origin === 'array'
          ? `不能多于 ${String(issue.maximum)} 项`
          : `不能大于 ${String(issue.maximum)}`;
    case 'invalid_value':
      return issue.message.startsWith('Invalid') ? `取值应为 ${issue.values.map((v) => JSON.stringify(v)).join(' / ')}` : issue.message;
    case 'invalid_union':
      return '内容不符合任何一种允许的结构（段落、标题或任务）';
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_format':
      return issue.message.startsWith('Invalid') ? '格式不正确' : issue.message;
    default:
      return issue.message;
  }
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.length ? path.map(String).join('.') : '（根）';
}

/** One line per problem: "body.1.children.0.level：任务的层级应为 1–4". */
export function describeZodError(error: z.ZodError): string[] {
  return error.issues.slice(0, 20).map((issue) => `${formatPath(issue.path)}：${describeIssue(issue)}`);
}

export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, code: AppErrorCode, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = describeZodError(result.error);
  throw new AppError(code, `${what}不正确：${details[0] ?? ''}${details.length > 1 ? `（另有 ${details.length - 1} 处）` : ''}`, details);
}

/**
 * Validates a plan document (CLI save, import, the library) and returns it with defaults
 * filled in and every node id'd (version 2): a version-1 document gets ids here, on read.
 */
export function parsePlanDocument(value: unknown): PlanDocument {
  return assignIds(parseOrThrow(PlanDocumentSchema, value, 'invalid-plan', '计划文件'));
}
