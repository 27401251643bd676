// Small stand-ins for @tarojs/components: plain DOM elements carrying the props tests look at.
import { createElement, forwardRef, type ReactNode } from 'react';

type Props = { children?: ReactNode; [key: string]: unknown };

const PASS = /^(className|style|id|role|onClick|disabled|children|src|value|placeholder|data-.+|aria-.+)$/;

function make(tag: string, name: string) {
  const C = forwardRef<HTMLElement, Props>((props, ref) => {
    const out: Record<string, unknown> = { ref };
    for (const [k, v] of Object.entries(props)) if (PASS.test(k)) out[k] = v;
    // Taro's onInput hands over `detail.value`: fireEvent.change(el, {target:{value}}) drives it
    const onInput = props.onInput as ((e: { detail: { value: string } }) => void) | undefined;
    if (onInput) out.onChange = (e: { target: { value: string } }) => onInput({ detail: { value: e.target.value } });
    else if ('value' in props) out.readOnly = true;
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
export const Textarea = make('textarea', 'Textarea');

/**
 * Picker: its children (what the page shows) plus a native control standing in for the wheel,
 * with data-testid `<picker's testid>-control`. A selector picks by index:
 * fireEvent.change(control, {target:{value:'2'}}); a date picker by 'YYYY-MM-DD'.
 */
export const Picker = forwardRef<HTMLElement, Props>((props, ref) => {
  const mode = (props.mode as string | undefined) ?? 'selector';
  const testId = props['data-testid'] as string | undefined;
  const onChange = props.onChange as ((e: { detail: { value: string | number } }) => void) | undefined;
  const pick = (e: { target: { value: string } }) =>
    onChange?.({ detail: { value: mode === 'selector' ? Number(e.target.value) : e.target.value } });
  const control =
    mode === 'selector'
      ? createElement(
          'select',
          {
            value: String(props.value ?? 0),
            onChange: pick,
            disabled: props.disabled,
            'data-testid': testId && `${testId}-control`,
          },
          ((props.range as unknown[] | undefined) ?? []).map((r, i) =>
            createElement('option', { key: i, value: String(i) }, String(r)),
          ),
        )
      : createElement('input', {
          type: mode,
          value: String(props.value ?? ''),
          onChange: pick,
          disabled: props.disabled,
          'data-testid': testId && `${testId}-control`,
        });
  return createElement(
    'div',
    { ref, className: props.className, 'data-testid': testId },
    props.children as ReactNode,
    control,
  );
});
Picker.displayName = 'Picker';
