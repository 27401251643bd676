import * as z from 'zod';
import { Id } from '@gridlink/shared/common';

/** `{id}` in a path: the params schema most routes share */
export const IdParams = z.object({ id: Id });
