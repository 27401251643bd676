/**
 * One handling history for every workflow (诉求, 办件, 代办, 纠纷, 信访), newest on top. What each
 * step is called comes from the workflow's table (`label`); the state it led to from `stateNames`.
 * zod-free.
 */
import { Text, View } from '@tarojs/components';
import type { Workflow } from '@gridlink/shared/workflow';
import { HANDLING_CHANNEL_NAMES, LEVEL_NAMES, ROLE_NAMES, type Level, type Role } from '@gridlink/shared/names';
import { formatTime } from './request/format';
import './Timeline.css';

export interface TimelineStep {
  id: string;
  at: string;
  action: string;
  to?: string;
  /** absent where the reader may not know who acted (a 我也遇到 joiner): the role is shown alone */
  actorName?: string;
  actorRole?: string;
  level?: Level;
  note?: string;
  channel?: keyof typeof HANDLING_CHANNEL_NAMES;
}

interface Props {
  events: readonly TimelineStep[] | undefined;
  workflow: Workflow;
  /** show the state each step led to */
  showState?: boolean;
  /** actions the server writes under another name than the table's move: action → move */
  aliases?: Record<string, string>;
  /** rewrites a note for reading (e.g. codes → names) */
  noteText?: (note: string) => string;
  testId?: string;
  /** each step is `${stepTestId}-${action}` */
  stepTestId?: string;
}

/** The move's label from the table, else the action as written. */
export function actionLabel(w: Workflow, action: string, aliases?: Record<string, string>): string {
  const moves = w.moves as Record<string, { label: string } | undefined>;
  return moves[aliases?.[action] ?? action]?.label ?? action;
}

const roleText = (role?: string) => {
  const name = role && role !== 'system' ? ROLE_NAMES[role as Role] : undefined;
  return name ? `（${name}）` : '';
};

export default function Timeline({
  events,
  workflow: w,
  showState,
  aliases,
  noteText = (n) => n,
  testId = 'timeline',
  stepTestId = 'step',
}: Props) {
  const steps = [...(events ?? [])].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  if (!steps.length) return null;
  const stateNames = w.stateNames as Record<string, string | undefined>;
  return (
    <View className="tl" data-testid={testId}>
      {steps.map((e, i) => (
        <View
          key={e.id}
          className={`tl__step${i === 0 ? ' tl__step--now' : ''}`}
          data-testid={`${stepTestId}-${e.action}`}
        >
          <View className="tl__rail">
            <View className="tl__dot" />
            {i < steps.length - 1 && <View className="tl__line" />}
          </View>
          <View className="tl__body">
            <View className="tl__head">
              <Text className="tl__action">
                {actionLabel(w, e.action, aliases)}
                {e.channel ? `（${HANDLING_CHANNEL_NAMES[e.channel]}）` : ''}
              </Text>
              {showState && !!e.to && <Text className="tl__state">{stateNames[e.to] ?? e.to}</Text>}
            </View>
            <Text className="tl__who">
              {e.actorName}
              {roleText(e.actorRole)}
              {e.level ? ` · ${LEVEL_NAMES[e.level]}级` : ''} · {formatTime(e.at)}
            </Text>
            {!!e.note && <Text className="notebox">{noteText(e.note)}</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}
