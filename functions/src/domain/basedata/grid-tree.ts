/**
 * Sheet paths (街道/社区/小区/片区/楼栋/单元 names) → grid nodes under the import's district.
 * Existing nodes are matched by name (the demo's 和平街道 stays hz-hp); missing ones are created
 * top-down with ids that spell their parent's (parent id + a short hash of the name).
 */
import { createHash } from 'node:crypto';
import { GRID_LEVEL_NAMES, GRID_LEVELS, type GridLevel } from '@gridlink/shared/grid';
import { pool } from './pool';
import { createGridChildren, gridChildrenByName } from '../../data/basedata';
import type { GridItem } from '../../data/grids';

/** levels below the district, in sheet column order */
const LEVELS = GRID_LEVELS.slice(1) as GridLevel[];

const shortHash = (s: string, n: number) => createHash('sha256').update(s).digest('hex').slice(0, n);

export class GridTree {
  private children = new Map<string, Map<string, GridItem>>();
  private loading = new Map<string, Promise<Map<string, GridItem>>>();
  created = 0;

  constructor(
    readonly root: GridItem,
    readonly now: string,
  ) {}

  private async kids(parent: GridItem): Promise<Map<string, GridItem>> {
    const known = this.children.get(parent.id);
    if (known) return known;
    let p = this.loading.get(parent.id);
    if (!p) {
      p = parent.childCount ? gridChildrenByName(parent.id) : Promise.resolve(new Map<string, GridItem>());
      this.loading.set(parent.id, p);
    }
    const m = await p;
    this.children.set(parent.id, m);
    return m;
  }

  /** the node at a path of names (any depth), or why there is none */
  async find(names: string[]): Promise<GridItem | string> {
    let node = this.root;
    for (let i = 0; i < names.length; i++) {
      const next = (await this.kids(node)).get(names[i]);
      if (!next) return `网格中没有「${names.slice(0, i + 1).join('/')}」`;
      if (next.level !== LEVELS[i])
        return `「${names.slice(0, i + 1).join('/')}」是${GRID_LEVEL_NAMES[next.level]}，不是${GRID_LEVEL_NAMES[LEVELS[i]]}`;
      node = next;
    }
    return node;
  }

  /**
   * Create every missing node of these unit paths (one transaction per parent and ≤ 99 children,
   * the parent's childCount in it). Returns, per path, the unit or why it could not be made.
   */
  async ensure(paths: string[][]): Promise<(GridItem | string)[]> {
    const results: (GridItem | string)[] = paths.map(() => '');
    // level by level: all parents of a level are known before their children are made
    let frontier: { node: GridItem; items: number[] }[] = [{ node: this.root, items: paths.map((_, i) => i) }];
    for (let depth = 0; depth < LEVELS.length; depth++) {
      const next: { node: GridItem; items: number[] }[] = [];
      await pool(frontier, 8, async ({ node, items }) => {
        const kids = await this.kids(node);
        const byName = new Map<string, number[]>();
        for (const i of items) byName.set(paths[i][depth], [...(byName.get(paths[i][depth]) ?? []), i]);
        const missing = [...byName.keys()].filter((n) => !kids.has(n));
        if (missing.length) {
          const taken = new Set([...kids.values()].map((k) => k.id));
          const fresh = missing.map((name) => {
            let id = `${node.id}-${shortHash(name, 5)}`;
            for (let n = 6; taken.has(id); n++) id = `${node.id}-${shortHash(name, n)}`;
            taken.add(id);
            return { id, level: LEVELS[depth], name };
          });
          try {
            for (const g of await createGridChildren(node, fresh, this.now)) {
              kids.set(g.name, g);
              this.children.set(g.id, new Map());
              this.created++;
            }
          } catch (e) {
            for (const n of missing)
              for (const i of byName.get(n)!) results[i] = `无法创建网格节点「${n}」：${(e as Error).message}`;
          }
        }
        for (const [name, idx] of byName) {
          const child = kids.get(name);
          if (!child) continue;
          if (child.level !== LEVELS[depth]) {
            for (const i of idx)
              results[i] =
                `「${paths[i].slice(0, depth + 1).join('/')}」已存在，但不是${GRID_LEVEL_NAMES[LEVELS[depth]]}`;
            continue;
          }
          if (depth === LEVELS.length - 1) for (const i of idx) results[i] = child;
          else next.push({ node: child, items: idx });
        }
      });
      frontier = next;
    }
    return results;
  }
}
