import { Text } from '@tarojs/components';
import type { Workflow } from '@gridlink/shared/workflow';
import './StatusTag.css';

/** A status in words, in a tag (its colour only repeats it): the name comes from the workflow's table. */
export default function StatusTag<S extends string>({
  workflow: w,
  status,
  testId,
}: {
  workflow: Workflow<S, string, string>;
  status: S;
  testId?: string;
}) {
  return (
    <Text className={`stag stag--${w.name}-${status}`} data-testid={testId}>
      {w.stateNames[status] ?? status}
    </Text>
  );
}
