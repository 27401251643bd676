/** The OpenAPI 3.1 document, generated from the route table and the zod schemas of shared/. */
import * as z from 'zod';
import { ErrorBody } from '@gridlink/shared/common';
import { routes } from '../routes';

const schema = (s: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;

const ERRORS: Record<string, string> = {
  '400': '输入有误（含无效 JSON）',
  '401': '未登录或登录失效',
  '403': '无权访问',
  '404': '不存在',
  '409': '状态冲突、版本冲突或并发失败',
  '413': '请求内容过大',
  '429': '请求过于频繁',
  '503': '依赖服务暂不可用',
};

export function openApiDocument(opts: { includeStageRoutes?: boolean } = {}) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    if (r.stages && !opts.includeStageRoutes) continue;
    const parameters: unknown[] = [];
    for (const [where, s] of [
      ['path', r.params],
      ['query', r.query],
    ] as const) {
      if (!s) continue;
      for (const [name, field] of Object.entries(s.shape)) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
          schema: schema(field as z.ZodType, 'input'),
        });
      }
    }
    if (r.idempotent)
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: { type: 'string', minLength: 8, maxLength: 128 },
      });
    const responses: Record<string, unknown> = {
      [String(r.status ?? 200)]: {
        description: 'OK',
        content: { 'application/json': { schema: r.response ? schema(r.response, 'output') : {} } },
      },
    };
    for (const [code, description] of Object.entries(ERRORS)) {
      responses[code] = {
        description,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    (paths[r.path] ??= {})[r.method.toLowerCase()] = {
      operationId: r.id,
      summary: r.summary,
      tags: [r.tag],
      security: r.auth === 'public' ? [] : [{ bearer: [] }],
      'x-roles': r.auth,
      parameters,
      ...(r.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schema(r.body, 'input') } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'GridLink 网格通 API', version: '1.0.0', description: 'API contract v1' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: schema(ErrorBody, 'output') },
    },
    paths,
  };
}
