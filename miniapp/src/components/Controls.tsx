/** Buttons and text boxes the pages share: thin wrappers that say what they do in one line. */
import type { ReactNode } from 'react';
import { Input, Textarea } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { openPage } from '../lib/nav';

/** A full-width button that opens a page (`redirect`: instead of this one). */
export function GoButton({
  to,
  testId,
  outline,
  plain,
  redirect,
  size,
  children,
}: {
  to: string;
  testId?: string;
  outline?: boolean;
  /** grey, not red */
  plain?: boolean;
  redirect?: boolean;
  size?: 'large';
  children: ReactNode;
}) {
  return (
    <Button
      block
      type={plain ? 'default' : 'primary'}
      fill={outline ? 'outline' : undefined}
      size={size}
      data-testid={testId}
      onClick={() => void openPage(to, redirect)}
    >
      {children}
    </Button>
  );
}

interface TextProps {
  value: string;
  onChange: (v: string) => void;
  testId: string;
  className?: string;
  maxLength?: number;
  placeholder?: string;
  disabled?: boolean;
}

/** A multi-line text box that reports its text. */
export function TextArea({ value, onChange, testId, className, maxLength, placeholder, disabled }: TextProps) {
  return (
    <Textarea
      className={className}
      data-testid={testId}
      value={value}
      maxlength={maxLength}
      placeholder={placeholder}
      disabled={disabled}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}

/** A one-line text box that reports its text. */
export function TextInput({ type, ...p }: TextProps & { type?: 'text' | 'number' | 'idcard' | 'digit' }) {
  return (
    <Input
      className={p.className}
      data-testid={p.testId}
      type={type}
      value={p.value}
      maxlength={p.maxLength}
      placeholder={p.placeholder}
      disabled={p.disabled}
      onInput={(e) => p.onChange(e.detail.value)}
    />
  );
}
