// DOM stand-ins for @tarojs/components in jsdom component tests (reference/taro.md §3c-1). They keep
// Taro's event shapes (`onClick` from taps, `detail.value` on input) so component code is unchanged.
// The real Taro runtime is exercised by the weapp (miniprogram-simulate) and e2e (Chromium) suites.
import { createElement, type ReactNode, type CSSProperties } from 'react'

interface BaseProps {
  className?: string
  style?: CSSProperties | string
  children?: ReactNode
  id?: string
  onClick?: (event: unknown) => void
  [dataAttribute: `data-${string}`]: unknown
}

function styleOf(style: BaseProps['style']): CSSProperties | undefined {
  return typeof style === 'string' ? undefined : style
}

function dataAttributes(props: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([key]) => key.startsWith('data-') || key === 'role' || key.startsWith('aria-')))
}

function block(tag: string, taroName: string) {
  return function TaroBlock(props: BaseProps) {
    return createElement(
      tag,
      {
        className: [`taro-${taroName}`, props.className].filter(Boolean).join(' '),
        style: styleOf(props.style),
        id: props.id,
        onClick: props.onClick,
        ...dataAttributes(props),
      },
      props.children,
    )
  }
}

export const View = block('div', 'view')
export const Text = block('span', 'text')
export const ScrollView = block('div', 'scroll-view')
export const Form = block('form', 'form')
export const Label = block('label', 'label')

export function Button(props: BaseProps & { disabled?: boolean; loading?: boolean; type?: string; size?: string }) {
  return createElement(
    'button',
    {
      className: props.className,
      disabled: props.disabled,
      onClick: props.onClick,
      ...dataAttributes(props),
    },
    props.children,
  )
}

export function Image(props: { src: string; className?: string; mode?: string; alt?: string }) {
  return createElement('img', { src: props.src, className: props.className, alt: props.alt ?? '' })
}

interface InputProps extends BaseProps {
  value?: string
  placeholder?: string
  type?: string
  maxlength?: number
  disabled?: boolean
  focus?: boolean
  onInput?: (event: { detail: { value: string } }) => void
  onConfirm?: (event: { detail: { value: string } }) => void
  onBlur?: (event: { detail: { value: string } }) => void
}

export function Input(props: InputProps) {
  return createElement('input', {
    className: props.className,
    value: props.value,
    placeholder: props.placeholder,
    disabled: props.disabled,
    maxLength: props.maxlength,
    ...dataAttributes(props),
    onChange: (event: { target: { value: string } }) => props.onInput?.({ detail: { value: event.target.value } }),
    onKeyDown: (event: { key: string; currentTarget: { value: string } }) => {
      if (event.key === 'Enter') props.onConfirm?.({ detail: { value: event.currentTarget.value } })
    },
    onBlur: (event: { target: { value: string } }) => props.onBlur?.({ detail: { value: event.target.value } }),
  })
}

export function Textarea(props: InputProps & { autoHeight?: boolean }) {
  return createElement('textarea', {
    className: props.className,
    value: props.value,
    placeholder: props.placeholder,
    disabled: props.disabled,
    maxLength: props.maxlength,
    ...dataAttributes(props),
    onChange: (event: { target: { value: string } }) => props.onInput?.({ detail: { value: event.target.value } }),
  })
}
