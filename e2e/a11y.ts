/**
 * Reads what a person sees on the page Taro h5 is showing: every visible text node with its
 * computed font size, line height, weight, colour and the colour behind it, and the WCAG 2
 * contrast ratio between the two. Used by the 长辈版 (elder mode) checks in elder.e2e.test.ts.
 *
 * The background is found the way the eye finds it: walk up from the text's element, compositing
 * each background colour (with its alpha) until an opaque one; a gradient counts as each of its
 * colour stops (the worst one is kept). The text colour is blended by its alpha and by every
 * ancestor's `opacity`. Background images other than gradients are not looked at (none here).
 */
import type { Page } from 'playwright-core';

export interface TextItem {
  /** class of the element holding the text + the text: matches the same text in another mode */
  key: string;
  text: string;
  cls: string;
  /** nearest data-testid on the way up (to find it in the source) */
  near: string;
  fontSize: number;
  /** computed line-height / font-size; `normal` is reported as 1.2 (what browsers use) */
  lineRatio: number;
  weight: number;
  color: string;
  background: string;
  contrast: number;
  /** WCAG large text: ≥ 18 pt (24 px), or ≥ 14 pt (18.66 px) bold */
  large: boolean;
}

/** Runs in the browser: keep it plain (no imports, no helpers). */
function collect(): TextItem[] {
  type RGBA = [number, number, number, number];
  const parse = (s: string): RGBA[] => {
    const out: RGBA[] = [];
    const re = /rgba?\(([^)]+)\)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) {
      const p = m[1]
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      out.push([p[0], p[1], p[2], p.length > 3 ? p[3] : 1]);
    }
    return out;
  };
  const over = (top: RGBA, under: RGBA): RGBA => {
    const a = top[3];
    return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
  };
  const lum = (c: RGBA) => {
    const ch = (v: number) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
  };
  const ratio = (a: RGBA, b: RGBA) => {
    const x = lum(a);
    const y = lum(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };
  const hex = (c: RGBA) =>
    '#' +
    c
      .slice(0, 3)
      .map((v) => Math.round(v).toString(16).padStart(2, '0'))
      .join('');

  /** the backgrounds behind `el`, top layer first, down to the first opaque one */
  const backgrounds = (el: Element): RGBA[] => {
    const layers: RGBA[][] = [];
    for (let n: Element | null = el; n; n = n.parentElement) {
      const cs = getComputedStyle(n);
      const stops = cs.backgroundImage.includes('gradient') ? parse(cs.backgroundImage) : [];
      if (stops.length) {
        layers.push(stops);
        if (stops.every((s) => s[3] === 1)) break;
        continue;
      }
      const bg = parse(cs.backgroundColor)[0];
      if (bg && bg[3] > 0) {
        layers.push([bg]);
        if (bg[3] === 1) break;
      }
    }
    // composite bottom-up over white (the page), branching on gradient stops
    let bases: RGBA[] = [[255, 255, 255, 1]];
    for (let i = layers.length - 1; i >= 0; i--) {
      const next: RGBA[] = [];
      for (const stop of layers[i]) for (const b of bases) next.push(over(stop, b));
      bases = next;
    }
    return bases;
  };

  const pages = Array.from(document.querySelectorAll('.taro_page')).filter((p) => p.getClientRects().length > 0);
  const root = pages[pages.length - 1] ?? document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const items: TextItem[] = [];
  const seen = new Set<Element>();
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const text = (t.textContent ?? '').replace(/\s+/g, ' ').trim();
    const el = t.parentElement;
    if (!text || !el || seen.has(el)) continue;
    if (el.closest('script, style, noscript')) continue;
    const range = document.createRange();
    range.selectNodeContents(t);
    const rect = range.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility !== 'visible') continue;
    let opacity = 1;
    for (let n: Element | null = el; n; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity);
    if (opacity === 0) continue;
    seen.add(el);
    const fontSize = parseFloat(cs.fontSize);
    const lineRatio = cs.lineHeight === 'normal' ? 1.2 : parseFloat(cs.lineHeight) / fontSize;
    const weight = Number(cs.fontWeight) || (cs.fontWeight === 'bold' ? 700 : 400);
    const fg = parse(cs.color)[0] ?? ([0, 0, 0, 1] as RGBA);
    const text4 = (bg: RGBA): RGBA => over([fg[0], fg[1], fg[2], fg[3] * opacity], bg);
    let worst = Infinity;
    let worstBg: RGBA = [255, 255, 255, 1];
    for (const bg of backgrounds(el)) {
      const r = ratio(text4(bg), bg);
      if (r < worst) {
        worst = r;
        worstBg = bg;
      }
    }
    const cls = typeof el.className === 'string' ? el.className.trim().replace(/\s+/g, '.') : '';
    items.push({
      key: `${el.tagName.toLowerCase()}.${cls}|${text}`,
      text: text.slice(0, 40),
      cls,
      near: el.closest('[data-testid]')?.getAttribute('data-testid') ?? '',
      fontSize,
      lineRatio: Math.round(lineRatio * 100) / 100,
      weight,
      color: hex(text4(worstBg)),
      background: hex(worstBg),
      contrast: Math.round(worst * 100) / 100,
      large: fontSize >= 24 || (fontSize >= 18.66 && weight >= 700),
    });
  }
  return items;
}

export const readText = (page: Page): Promise<TextItem[]> => page.evaluate(collect);

/** WCAG AA: 4.5:1, or 3:1 for large text. */
export const contrastOk = (t: TextItem) => t.contrast >= (t.large ? 3 : 4.5);

/**
 * Anything that would cover the page as it opens: Taro's modal/toast/loading/action sheet/picker,
 * NutUI's dialog/popup/toast/notify, and any visible role=dialog / alertdialog.
 */
export const openOverlays = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const sel = [
      '.taro__modal',
      '.taro__toast',
      '.taro__actionSheet',
      '.taro-modal',
      '.taro-toast',
      '.weui-picker',
      '.weui-mask',
      '.nut-dialog',
      '.nut-popup',
      '.nut-toast',
      '.nut-notify',
      '.nut-overlay',
      '[role="dialog"]',
      '[role="alertdialog"]',
      'dialog[open]',
    ].join(',');
    return Array.from(document.querySelectorAll(sel))
      .filter((el) => {
        const cs = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return (
          cs.display !== 'none' && cs.visibility !== 'hidden' && Number(cs.opacity) > 0 && r.width > 0 && r.height > 0
        );
      })
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).trim().replace(/\s+/g, '.')}`);
  });
