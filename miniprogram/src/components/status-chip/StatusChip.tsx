import { Text } from '@tarojs/components'
import type { Tone } from '../status-icon/statusAppearance'
import './index.css'

export interface StatusChipProps {
  label: string
  tone: Tone
}

export function StatusChip({ label, tone }: StatusChipProps) {
  return <Text className={`ps-status-chip ps-status-chip--${tone}`}>{label}</Text>
}
