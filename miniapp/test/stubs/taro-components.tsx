// Small stand-ins for @tarojs/components: plain DOM elements carrying the props tests look at.
import { createElement, forwardRef, type ReactNode } from 'react';

type Props = { children?: ReactNode; [key: string]: unknown };

const PASS = /^(className|style|id|role|onClick|disabled|children|data-.+|aria-.+)$/;

function make(tag: string, name: string) {
  const C = forwardRef<HTMLElement, Props>((props, ref) => {
    const out: Record<string, unknown> = { ref };
    for (const [k, v] of Object.entries(props)) if (PASS.test(k)) out[k] = v;
    return createElement(tag, out);
  });
  C.displayName = name;
  return C;
}

export const View = make('div', 'View');
export const Text = make('span', 'Text');
export const Button = make('button', 'Button');
export const ScrollView = make('div', 'ScrollView');
export const Image = make('img', 'Image');
export const Input = make('input', 'Input');
