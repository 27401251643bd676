export const pct = (r: number | null | undefined) =>
  r === null || r === undefined ? '暂无数据' : `${Math.round(r * 1000) / 10}%`;

/** the map's colour: red for overdue, orange for open work, green for none */
export const heat = (open: number, overdue: number) => (overdue > 0 ? '#c8161d' : open > 0 ? '#f08c00' : '#3a9d5d');

export const LEVEL_LABEL: Record<string, string> = { grid: '网格', community: '社区', street: '街道', district: '区' };
