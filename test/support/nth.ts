// Element `index` of a list a test built itself, or a failed test if it is not there: under
// noUncheckedIndexedAccess `list[i]` is `T | undefined`, and a test must not pass by skipping it.
export function nth<T>(list: readonly T[], index: number): T {
  const item = list.at(index)
  if (item === undefined) throw new Error(`expected an element at ${index}, the list has ${list.length}`)
  return item
}
