import * as z from 'zod';
import { issueMessage } from './messages';

const messages = (schema: z.ZodType, input: unknown) =>
  schema.safeParse(input, { reportInput: true }).error!.issues.map((i) => issueMessage(i as never));

describe('Chinese validation messages', () => {
  it('names what is wrong in Chinese', () => {
    const s = z.object({ name: z.string().min(2).max(4), age: z.number().max(120), kind: z.enum(['a', 'b']) });
    expect(messages(s, {})).toEqual(['必填', '必填', '必填']);
    expect(messages(s, { name: 'x', age: 200, kind: 'c' })).toEqual(['至少 2 个字', '不能大于 120', '取值应为：a、b']);
    expect(messages(s, { name: 1, age: 'x', kind: 'a' })).toEqual(['应为文本', '应为数字']);
    expect(messages(z.string().regex(/^\d+$/, '只能是数字'), 'x')).toEqual(['只能是数字']);
  });
});
