// Signature comparison whose running time does not reveal how many leading characters matched, so a
// forged push cannot discover a valid signature byte by byte (aggregators.md §10).
export function constantTimeEqual(expected: string, received: string): boolean {
  // The length difference is folded into the result instead of returning early; the loop always
  // runs over the expected signature's length, which is public (32 or 44 characters).
  let difference = expected.length ^ received.length
  for (let index = 0; index < expected.length; index += 1) {
    const other = index < received.length ? received.charCodeAt(index) : 0
    difference |= expected.charCodeAt(index) ^ other
  }
  return difference === 0
}
