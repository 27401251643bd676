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
  /** nodes this run created: nothing can be stored under them but what this run writes */
  readonly madeNow = new Set<string>();

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
   * Create every missing node of these unit paths, level by level (all parents of a level are
   * known before their children are made); the new nodes of a level go in few transactions, each
   * parent's childCount with its children. Returns, per path, the unit or why it could not be made.
   */
  async ensure(paths: string[][]): Promise<(GridItem | string)[]> {
    const results: (GridItem | string)[] = paths.map(() => '');
    let frontier: { node: GridItem; items: number[] }[] = [{ node: this.root, items: paths.map((_, i) => i) }];
    for (let depth = 0; depth < LEVELS.length; depth++) {
      const level = frontier.map(({ node, items }) => {
        const byName = new Map<string, number[]>();
        for (const i of items) {
          const name = paths[i][depth];
          const list = byName.get(name);
          if (list) list.push(i);
          else byName.set(name, [i]);
        }
        return { node, byName, kids: new Map<string, GridItem>() };
      });
      await pool(level, 8, async (l) => void (l.kids = await this.kids(l.node)));
      const groups = level.map(({ node, byName, kids }) => {
        const taken = new Set([...kids.values()].map((k) => k.id));
        const children = [...byName.keys()]
          .filter((n) => !kids.has(n))
          .map((name) => {
            let id = `${node.id}-${shortHash(name, 5)}`;
            for (let n = 6; taken.has(id); n++) id = `${node.id}-${shortHash(name, n)}`;
            taken.add(id);
            return { id, level: LEVELS[depth], name };
          });
        return { parent: node, children };
      });
      const made = await createGridChildren(
        groups.filter((g) => g.children.length),
        this.now,
      );
      let k = 0;
      const next: { node: GridItem; items: number[] }[] = [];
      level.forEach(({ byName, kids }, gi) => {
        const created = groups[gi].children.length ? made[k++] : [];
        if (created instanceof Error)
          for (const c of groups[gi].children)
            for (const i of byName.get(c.name)!) results[i] = `无法创建网格节点「${c.name}」：${created.message}`;
        else
          for (const g of created) {
            kids.set(g.name, g);
            this.children.set(g.id, new Map());
            this.created++;
            this.madeNow.add(g.id);
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
