import { View } from '@tarojs/components';
import './Chips.css';

export interface ChipOption<T extends string> {
  key: T;
  label: string;
  disabled?: boolean;
}

/** A choice among a few: chips that read as radio buttons (or checkboxes with `multi`). */
export default function Chips<T extends string>({
  options,
  value,
  onChange,
  testIdPrefix,
  multi,
}: {
  /** in order, or as a name table (key → label) */
  options: readonly ChipOption<T>[] | Record<T, string>;
  value: T | readonly T[] | undefined;
  onChange: (key: T) => void;
  testIdPrefix: string;
  multi?: boolean;
}) {
  const list: readonly ChipOption<T>[] = Array.isArray(options)
    ? options
    : (Object.keys(options) as T[]).map((key) => ({ key, label: (options as Record<T, string>)[key] }));
  const on = (k: T) => (Array.isArray(value) ? value.includes(k) : value === k);
  return (
    <View className="chips" role={multi ? 'group' : 'radiogroup'}>
      {list.map((o) => (
        <View
          key={o.key}
          role={multi ? 'checkbox' : 'radio'}
          aria-checked={on(o.key)}
          aria-disabled={!!o.disabled}
          className={`chip${on(o.key) ? ' chip--on' : ''}${o.disabled ? ' chip--off' : ''}`}
          data-testid={`${testIdPrefix}-${o.key}`}
          onClick={o.disabled ? undefined : () => onChange(o.key)}
        >
          {o.label}
        </View>
      ))}
    </View>
  );
}
