/**
 * 满意度评价 everywhere (诉求, 办件, 红色代办): five stars to pick, the rating form around them, and
 * a given rating read back. zod-free.
 */
import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { TextArea } from './Controls';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { RATING_NAMES } from '@gridlink/shared/names';
import { formatTime } from './request/format';
import './Rating.css';

/** ★★☆☆☆ */
export const starText = (n: number) => {
  const on = Math.max(0, Math.min(5, Math.round(n)));
  return '★'.repeat(on) + '☆'.repeat(5 - on);
};

const nameCaption = (stars: number) => (stars ? RATING_NAMES[stars] : '请点选');

/** 1–5 stars as a radio group, with a caption naming the choice. */
export function Stars({
  value,
  onChange,
  caption = nameCaption,
}: {
  value: number;
  onChange: (stars: number) => void;
  caption?: (stars: number) => string;
}) {
  return (
    <View className="stars" role="radiogroup" aria-label="评价星级">
      {[1, 2, 3, 4, 5].map((n) => (
        <View
          key={n}
          role="radio"
          aria-checked={n === value}
          aria-label={`${n} 星 ${RATING_NAMES[n]}`}
          className={`stars__star${n <= value ? ' stars__star--on' : ''}`}
          data-testid={`star-${n}`}
          onClick={() => onChange(n)}
        >
          ★
        </View>
      ))}
      <Text className="stars__caption" data-testid="rating-name">
        {caption(value)}
      </Text>
    </View>
  );
}

interface FormProps {
  title: ReactNode;
  /** sends the rating; a rejection shows its message under the form */
  submit: (stars: number, comment: string | undefined) => Promise<unknown>;
  placeholder: string;
  maxLength?: number;
  /** shown under the stars for the chosen value (e.g. what a low rating brings) */
  hint?: (stars: number) => ReactNode;
  caption?: (stars: number) => string;
  /** the message when no star is chosen */
  missing?: string;
}

/** Stars, a comment and 提交评价. */
export function RatingForm({ title, submit, placeholder, maxLength = 500, hint, caption, missing }: FormProps) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);

  const send = async () => {
    if (saving) return;
    if (!stars) {
      setError(missing ?? '请点选星级');
      return;
    }
    setError('');
    setSaving(true);
    try {
      await submit(stars, comment.trim() || undefined);
    } catch (e) {
      setError((e as Error).message || '提交失败，请重试');
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="rating-form" data-testid="rating-form">
      <Text className="rating-form__title">{title}</Text>
      <Stars
        value={stars}
        caption={caption}
        onChange={(n) => {
          setStars(n);
          setError('');
        }}
      />
      {hint?.(stars)}
      <TextArea
        className="rating-form__comment"
        testId="rating-comment"
        value={comment}
        maxLength={maxLength}
        placeholder={placeholder}
        onChange={setComment}
      />
      {!!error && (
        <View className="rating-form__error" role="alert" data-testid="rating-error">
          {error}
        </View>
      )}
      <Button block type="primary" loading={saving} data-testid="rating-submit" onClick={send}>
        提交评价
      </Button>
    </View>
  );
}

/** A rating given: stars, their name, the comment (and when). */
export function RatingView({
  rating,
  showAt,
  testId = 'rating-view',
}: {
  rating: { stars: number; comment?: string; at?: string };
  showAt?: boolean;
  testId?: string;
}) {
  return (
    <View className="rating" data-testid={testId}>
      <Text className="rating__stars">{starText(rating.stars)}</Text>
      <Text className="rating__name">{RATING_NAMES[rating.stars]}</Text>
      {!!rating.comment && <Text className="rating__comment">{rating.comment}</Text>}
      {showAt && !!rating.at && <Text className="rating__at">{formatTime(rating.at)}</Text>}
    </View>
  );
}
