import { countCall, type RateWindow } from '../data/rate-limit';
import { DomainError } from './errors';
import type { RequestContext } from './context';

/**
 * Fixed one-minute window per caller and route: the user id on signed-in routes, the source IP on
 * public ones (sign-in) whatever token comes along — a bearer token must not open a fresh window
 * for a sign-in burst. Only sign-in and creating routes carry a limit. Undefined when none.
 */
export function rateWindowOf(ctx: RequestContext): RateWindow | undefined {
  if (!ctx.route.rateLimit) return undefined;
  // RATE_LIMIT_SCALE lets the test suites, which sign in hundreds of times a minute, raise every limit
  const limit = ctx.route.rateLimit * Number(process.env.RATE_LIMIT_SCALE || 1);
  const ip = ctx.event.requestContext?.http?.sourceIp ?? 'unknown';
  const caller = ctx.route.auth === 'public' ? `ip:${ip}` : (ctx.actor?.id ?? `ip:${ip}`);
  // RATE_LIMIT_WINDOW pins the window (test suites: a burst on a slow machine never straddles two)
  const window = Number(process.env.RATE_LIMIT_WINDOW) || Math.floor(Date.now() / 60000);
  return { scope: `${ctx.route.id}:${caller}`, window, limit };
}

export const rateLimited = () => new DomainError('RATE_LIMITED', '操作过于频繁，请稍后再试');

/** One conditional ADD on the caller's window (unless the idempotency claim already counted this call). */
export async function checkRateLimit(ctx: RequestContext) {
  const w = rateWindowOf(ctx);
  if (!w || ctx.rateCounted) return;
  if (!(await countCall(w))) throw rateLimited();
  ctx.rateCounted = true;
}
