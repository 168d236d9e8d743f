// A Date whose "now" starts at a fixed instant and then runs at real speed: the test world (page,
// local cloud, fixtures) sees one consistent clock that does not depend on the day the suite runs,
// while timeouts and deadlines still pass. Like libfaketime's "start at" mode, for one jest sandbox.
// Plain CommonJS so jest environments (which are not transformed) can use it too.

/** The instant every weapp test world starts at, unless TEST_FIXED_NOW (ISO 8601) moves it. */
const DEFAULT_FIXED_NOW = '2026-11-21T10:00:00+08:00'

function fixedNowFromEnv(env = process.env) {
  const iso = env.TEST_FIXED_NOW || DEFAULT_FIXED_NOW
  const at = Date.parse(iso)
  if (Number.isNaN(at)) throw new Error(`TEST_FIXED_NOW=${iso} is not an ISO 8601 instant`)
  return at
}

function shiftedDate(RealDate, startAt) {
  const offset = startAt - RealDate.now()
  function ShiftedDate(...args) {
    if (!new.target) return new RealDate(RealDate.now() + offset).toString()
    return Reflect.construct(RealDate, args.length === 0 ? [RealDate.now() + offset] : args, new.target)
  }
  ShiftedDate.prototype = RealDate.prototype
  ShiftedDate.now = () => RealDate.now() + offset
  ShiftedDate.parse = RealDate.parse
  ShiftedDate.UTC = RealDate.UTC
  Object.defineProperty(ShiftedDate, 'name', { value: 'Date' })
  return ShiftedDate
}

module.exports = { DEFAULT_FIXED_NOW, fixedNowFromEnv, shiftedDate }
