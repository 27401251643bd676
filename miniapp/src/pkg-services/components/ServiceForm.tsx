import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { TextInput } from '../../components/Controls';
import { TEXT_MAX, TEXTAREA_MAX } from '@gridlink/shared/fields';
import { todayCn } from '../../lib/format';
import ImageField from './ImageField';
import type { Errors, FormField, Values } from './form';
import './ServiceForm.css';

interface Props {
  fields: FormField[];
  values: Values;
  errors: Errors;
  /** upload key → a picture to show for it (local file or a signed link) */
  previews: Record<string, string>;
  onChange: (name: string, value: unknown) => void;
  onPreview: (key: string, url: string) => void;
  disabled?: boolean;
  /** ids are prefixed so two forms on one page stay apart */
  idPrefix?: string;
}

const DATE_START = '1900-01-01';
const dateEnd = () => `${Number(todayCn().slice(0, 4)) + 2}${todayCn().slice(4)}`;

function Control({
  f,
  value,
  onChange,
  onPreview,
  previews,
  disabled,
  testId,
}: {
  f: FormField;
  value: unknown;
  onChange: (v: unknown) => void;
  onPreview: (key: string, url: string) => void;
  previews: Record<string, string>;
  disabled?: boolean;
  testId: string;
}) {
  const str = typeof value === 'string' ? value : '';
  const list = Array.isArray(value) ? (value as string[]) : [];
  const placeholder = f.placeholder;
  switch (f.type) {
    case 'text':
      return (
        <TextInput
          className="sf-input"
          testId={testId}
          type="text"
          value={str}
          disabled={disabled}
          maxLength={f.maxLength ?? TEXT_MAX}
          placeholder={placeholder ?? `请输入${f.label}`}
          onChange={onChange}
        />
      );
    case 'textarea':
      return (
        <Textarea
          className="sf-textarea"
          data-testid={testId}
          value={str}
          disabled={disabled}
          autoHeight
          maxlength={f.maxLength ?? TEXTAREA_MAX}
          placeholder={placeholder ?? `请填写${f.label}`}
          onInput={(e) => onChange(e.detail.value)}
        />
      );
    case 'number':
      return (
        <Input
          className="sf-input"
          data-testid={testId}
          type="digit"
          value={str}
          disabled={disabled}
          placeholder={
            placeholder ?? (f.min !== undefined && f.max !== undefined ? `${f.min}～${f.max}` : '请输入数字')
          }
          onInput={(e) => onChange(e.detail.value)}
        />
      );
    case 'phone':
      return (
        <TextInput
          className="sf-input"
          testId={testId}
          type="number"
          value={str}
          disabled={disabled}
          maxLength={13}
          placeholder={placeholder ?? '手机号或固定电话'}
          onChange={onChange}
        />
      );
    case 'idNumber':
      return (
        <Input
          className="sf-input"
          data-testid={testId}
          type="idcard"
          value={str}
          disabled={disabled}
          maxlength={18}
          placeholder={placeholder ?? '18 位身份证号'}
          onInput={(e) => onChange(e.detail.value.toUpperCase())}
        />
      );
    case 'date':
      return (
        <Picker
          mode="date"
          data-testid={testId}
          value={str}
          start={DATE_START}
          end={dateEnd()}
          disabled={disabled}
          onChange={(e) => onChange(String(e.detail.value))}
        >
          <View className={`sf-picker${str ? '' : ' sf-picker--empty'}`}>
            <Text>{str || placeholder || '请选择日期'}</Text>
            <Text className="sf-picker__arrow">›</Text>
          </View>
        </Picker>
      );
    case 'select': {
      const options = f.options ?? [];
      const index = options.indexOf(str);
      return (
        <Picker
          mode="selector"
          data-testid={testId}
          range={options}
          value={index < 0 ? 0 : index}
          disabled={disabled}
          onChange={(e) => onChange(options[Number(e.detail.value)] ?? '')}
        >
          <View className={`sf-picker${str ? '' : ' sf-picker--empty'}`}>
            <Text>{str || placeholder || '请选择'}</Text>
            <Text className="sf-picker__arrow">›</Text>
          </View>
        </Picker>
      );
    }
    case 'multiselect':
      return (
        <View className="sf-checks" role="group" data-testid={testId}>
          {(f.options ?? []).map((o) => {
            const on = list.includes(o);
            return (
              <View
                key={o}
                className={`sf-check${on ? ' sf-check--on' : ''}`}
                role="checkbox"
                aria-checked={on}
                aria-disabled={disabled}
                data-testid={`${testId}-${o}`}
                onClick={() => !disabled && onChange(on ? list.filter((x) => x !== o) : [...list, o])}
              >
                <Text className="sf-check__box">{on ? '✓' : ''}</Text>
                <Text>{o}</Text>
              </View>
            );
          })}
        </View>
      );
    case 'image':
      return (
        <ImageField
          testId={testId}
          keys={list}
          previews={previews}
          disabled={disabled}
          onChange={onChange}
          onPreview={onPreview}
        />
      );
  }
}

/** The service's form, each field type with its own control; messages under the fields. */
export default function ServiceForm({
  fields,
  values,
  errors,
  previews,
  onChange,
  onPreview,
  disabled,
  idPrefix = '',
}: Props) {
  return (
    <View className="sf" data-testid={`${idPrefix}form`}>
      {fields.map((f) => {
        const error = errors[f.name];
        return (
          <View
            key={f.name}
            id={`${idPrefix}field-${f.name}`}
            className={`sf-field${error ? ' sf-field--error' : ''}`}
            data-testid={`${idPrefix}field-${f.name}`}
          >
            <View className="sf-label">
              {f.required && <Text className="sf-label__req">*</Text>}
              <Text>{f.label}</Text>
              {!f.required && <Text className="sf-label__opt">（选填）</Text>}
            </View>
            <Control
              f={f}
              value={values[f.name]}
              onChange={(v) => onChange(f.name, v)}
              onPreview={onPreview}
              previews={previews}
              disabled={disabled}
              testId={`${idPrefix}input-${f.name}`}
            />
            {f.help && <Text className="sf-help">{f.help}</Text>}
            {error && (
              <View className="sf-error" role="alert" data-testid={`${idPrefix}error-${f.name}`}>
                {error}
              </View>
            )}
          </View>
        );
      })}
      {errors._form && (
        <View className="sf-error" role="alert" data-testid={`${idPrefix}error-form`}>
          {errors._form}
        </View>
      )}
    </View>
  );
}
