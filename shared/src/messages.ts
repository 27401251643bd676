/**
 * Chinese messages for validation issues, shared by the API (error details) and the
 * mini-program (form hints). Takes zod 4 issues; no zod locale bundle needed.
 */
export interface IssueLike {
  code: string;
  path: PropertyKey[];
  message?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  values?: unknown[];
  keys?: string[];
  input?: unknown;
  format?: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  object: '对象',
  array: '列表',
  date: '日期',
};

export function issuePath(path: PropertyKey[]): string {
  return path.map(String).join('.') || '(body)';
}

/** Parse with `{ reportInput: true }` so a missing field reads 必填 whatever its type. */
export function issueMessage(issue: IssueLike): string {
  // messages we wrote ourselves in Chinese are kept
  if (issue.message && /[\u4e00-\u9fa5]/.test(issue.message)) return issue.message;
  if ('input' in issue && issue.input === undefined && issue.code !== 'unrecognized_keys') return '必填';
  switch (issue.code) {
    case 'invalid_type':
      return `应为${TYPE_NAMES[issue.expected ?? ''] ?? issue.expected ?? '正确类型'}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `至少 ${issue.minimum} 个字`
        : issue.origin === 'array'
          ? `至少 ${issue.minimum} 项`
          : `不能小于 ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `最多 ${issue.maximum} 个字`
        : issue.origin === 'array'
          ? `最多 ${issue.maximum} 项`
          : `不能大于 ${issue.maximum}`;
    case 'invalid_value':
      return `取值应为：${(issue.values ?? []).map(String).join('、')}`;
    case 'invalid_format':
      return '格式不正确';
    case 'unrecognized_keys':
      return `不支持的字段：${(issue.keys ?? []).join('、')}`;
    case 'invalid_union':
      return '内容不符合任何一种允许的格式';
    case 'not_multiple_of':
      return '数值不符合要求';
    default:
      return '内容不正确';
  }
}
