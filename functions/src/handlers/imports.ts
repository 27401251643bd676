import type { CreateImportBody } from '@gridlink/shared/imports';
import type { ListQuery } from '@gridlink/shared/common';
import { createAreaHandler } from '../http/handler';
import { importsRoutes } from '../routes/imports';
import type { Action } from '../http/context';
import {
  createImport,
  getImport,
  importReport,
  importTemplate,
  listImports,
  startImport,
} from '../domain/imports/jobs';

const id = (ctx: Parameters<Action>[0]) => ctx.params.id as string;

export const actions: Record<string, Action> = {
  'imports.create': async (ctx) => createImport(ctx.actor!, ctx.body as CreateImportBody, ctx.now),
  'imports.template': async (ctx) => importTemplate(ctx.actor!, ctx.now),
  'imports.list': async (ctx) => listImports(ctx.actor!, ctx.query as ListQuery),
  'imports.start': async (ctx) => startImport(ctx.actor!, id(ctx), ctx.now),
  'imports.get': async (ctx) => getImport(ctx.actor!, id(ctx)),
  'imports.report': async (ctx) => {
    const { csv, fileName } = await importReport(ctx.actor!, id(ctx));
    return { file: { body: csv, contentType: 'text/csv; charset=utf-8', fileName } };
  },
};

export const handler = createAreaHandler(actions, importsRoutes);
