/** Button classes with the disabled look as a class: Taro H5 renders disabled="false" as an attribute. */
export function buttonClass(className: string, disabled: boolean): string {
  return disabled ? `${className} mc-button--disabled` : className
}
