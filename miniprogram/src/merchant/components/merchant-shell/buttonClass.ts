/** Button classes with the disabled look as a class. Pass `disabled={flag || undefined}` too: Taro H5
 * writes disabled="false" as an attribute, which its own [disabled] style matches. */
export function buttonClass(className: string, disabled: boolean): string {
  return disabled ? `${className} mc-button--disabled` : className
}
