// One contender in a lock race (test/contract/dataDirLock.test.ts): at wall-clock time `startAt` it
// tries to lock `dir`, prints `won <pid>` or `refused <holder pid>`, and holds a won lock `holdMs`.
import { lockDataDir } from '../../dev/cloud/lock'

const [dir, holdMs, startAt] = process.argv.slice(2)
if (dir === undefined) throw new Error('usage: lockContender.ts <dir> [holdMs] [startAt]')
setTimeout(
  () => {
    const result = lockDataDir(dir)
    if (result.ok) {
      console.log(`won ${process.pid}`)
      setTimeout(() => result.lock.release(), Number(holdMs ?? 0))
    } else {
      console.log(`refused ${result.holder?.pid ?? 'unknown'}`)
    }
  },
  Math.max(0, Number(startAt ?? 0) - Date.now()),
)
