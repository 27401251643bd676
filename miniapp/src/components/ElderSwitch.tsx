import { Text, View } from '@tarojs/components';
import { useElderMode } from '../lib/elder';
import './ElderSwitch.css';

/** 长辈版 on/off: a large switch that says its state in words (not by colour alone). */
export default function ElderSwitch({ testId = 'elder-switch', compact }: { testId?: string; compact?: boolean }) {
  const { elder, toggle } = useElderMode();
  return (
    <View
      className={`elder-switch${elder ? ' elder-switch--on' : ''}${compact ? ' elder-switch--compact' : ''}`}
      role="switch"
      aria-checked={elder}
      aria-label="长辈版"
      data-testid={testId}
      onClick={toggle}
    >
      <Text className="elder-switch__label">长辈版</Text>
      <View className="elder-switch__track">
        <View className="elder-switch__knob" />
      </View>
      <Text className="elder-switch__state" data-testid={`${testId}-state`}>
        {elder ? '已开启' : '已关闭'}
      </Text>
    </View>
  );
}
