import type { CreateUploadBody } from '@gridlink/shared/uploads';
import { createAreaHandler } from '../http/handler';
import { uploadsRoutes } from '../routes/uploads';
import type { Action } from '../http/context';
import { createUpload } from '../domain/uploads';

export const actions: Record<string, Action> = {
  'uploads.create': async (ctx) => createUpload(ctx.actor!, ctx.body as CreateUploadBody),
};

export const handler = createAreaHandler(actions, uploadsRoutes);
