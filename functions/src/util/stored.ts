/**
 * Items as stored are never an answer. The data layer tags every item DynamoDB returns with an
 * enumerable symbol (JSON never shows it; object spread copies it, so `{ ...item, extra }` stays
 * tagged); a projection builds a new object from chosen fields and carries no tag. The HTTP layer
 * refuses to send a body holding a tagged object: a route that answers an unprojected item fails
 * closed (500, logged) in every test that reaches it, instead of leaking fields nobody chose.
 */
export const STORED: unique symbol = Symbol.for('gridlink.stored');

export function markStored<T>(item: T): T {
  if (item && typeof item === 'object') (item as Record<symbol, unknown>)[STORED] = true;
  return item;
}

/** The JSON path of the first stored item inside `body`, if any. */
export function findStored(body: unknown, path = '$', depth = 0): string | undefined {
  if (!body || typeof body !== 'object' || depth > 8) return undefined;
  if ((body as Record<symbol, unknown>)[STORED]) return path;
  if (Array.isArray(body)) {
    for (let i = 0; i < body.length; i++) {
      const hit = findStored(body[i], `${path}[${i}]`, depth + 1);
      if (hit) return hit;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(body)) {
    const hit = findStored(v, `${path}.${k}`, depth + 1);
    if (hit) return hit;
  }
  return undefined;
}
