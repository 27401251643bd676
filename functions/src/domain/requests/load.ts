/** Reading a request for a move (at the version the client saw), and deadlines counted from now. */
import { getRequest, type RequestItem } from '../../data/requests';
import { notFound } from '../errors';
import { expectVersion } from '../workflow/kernel';

export const hoursLater = (now: string, h: number) => new Date(Date.parse(now) + h * 3600_000).toISOString();

export async function loadForMove(id: string, version?: number): Promise<RequestItem> {
  const req = await getRequest(id);
  if (!req) throw notFound('诉求不存在');
  expectVersion(req, version);
  return req;
}
