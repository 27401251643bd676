/** Structured JSON logs (one line each), quiet under tests unless LOG_LEVEL says otherwise. */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 } as const;
type Level = Exclude<keyof typeof LEVELS, 'silent'>;

export function log(level: Level, message: string, fields: Record<string, unknown> = {}) {
  const min = (process.env.LOG_LEVEL as keyof typeof LEVELS) || 'info';
  if (LEVELS[level] < (LEVELS[min] ?? 20)) return;
  const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...fields });
  if (level === 'error') console.error(line);
  else console.log(line);
}
