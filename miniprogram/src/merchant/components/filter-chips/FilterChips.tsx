import { Text, View } from '@tarojs/components'
import './index.css'

export interface FilterOption<K extends string> {
  key: K
  text: string
  count?: number
}

export interface FilterChipsProps<K extends string> {
  options: ReadonlyArray<FilterOption<K>>
  active: K
  onChange(key: K): void
}

const classPrefix = 'mc-filter-chips'

export function FilterChips<K extends string>({ options, active, onChange }: FilterChipsProps<K>) {
  return (
    <View className={classPrefix}>
      {options.map((option) => (
        <View
          key={option.key}
          className={`${classPrefix}__chip${option.key === active ? ` ${classPrefix}__chip--active` : ''}`}
          data-filter={option.key}
          onClick={() => onChange(option.key)}
        >
          <Text>{option.text}</Text>
          {option.count !== undefined && <Text className={`${classPrefix}__count`}>{option.count}</Text>}
        </View>
      ))}
    </View>
  )
}
