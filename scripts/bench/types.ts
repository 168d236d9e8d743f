// A benchmark measures one thing and returns named figures. Figures are ratios, sizes, counts or
// percentiles measured side by side in one run; the runner records them with the machine facts.
export type Figure = number | string

export interface BenchResult {
  /** What was measured, in a few words (`push ingest, new snapshots`). */
  label: string
  figures: Record<string, Figure>
  /** How to read the figures or what a limit is (`limit 2 MB`). */
  note?: string
}

export interface Benchmark {
  name: string
  run(): Promise<BenchResult[]>
}
