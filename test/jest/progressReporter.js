// Writes each test file's outcome to PROGRESS_FILE as it finishes (one JSON line), and which files
// are running, so scripts/test.ts can say what a stuck run was doing and how far it got.
const { appendFileSync, writeFileSync } = require('node:fs')

class ProgressReporter {
  constructor() {
    this.file = process.env.JEST_PROGRESS_FILE
    if (this.file) writeFileSync(this.file, '')
  }

  write(record) {
    if (this.file) appendFileSync(this.file, `${JSON.stringify(record)}\n`)
  }

  onTestStart(test) {
    this.write({ kind: 'start', path: test.path })
  }

  onTestResult(test, result) {
    this.write({
      kind: 'result',
      path: test.path,
      passed: result.numPassingTests,
      failed: result.numFailingTests,
      crashed: Boolean(result.testExecError),
    })
  }
}

module.exports = ProgressReporter
