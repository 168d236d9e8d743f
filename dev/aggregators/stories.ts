// Which story each tracking number plays, when it started, and what has happened by a given instant.
// A story starts when the sandbox first hears of the number (subscribe or query, either vendor),
// so a query and a push about the same number always agree.
import { mergeFaults, type Faults } from './faults'
import { isValidS10, normaliseTrackingNo, recognizeNumber } from './recognizeNumber'
import { defaultScenarioName, scenarioByName, type Scenario, type ScenarioEvent } from './scenarios'

export interface TimedEvent extends ScenarioEvent {
  instant: number
}

export interface AssignOptions {
  /** The recipient phone's last four digits; when set, a wrong tail is refused like production. */
  phoneTail?: string
  /**
   * Scenario minutes that had already passed when the sandbox first heard of the number: a parcel
   * shipped days before it was subscribed. Its past scans keep real spacing; the rest plays at `speed`.
   */
  startedMinutesAgo?: number
}

interface Assignment {
  scenario: Scenario
  faults?: Faults
  phoneTail?: string
  startedMinutesAgo?: number
}

export interface Story {
  trackingNo: string
  scenario: Scenario
  /** Number- and scenario-level knobs (global ones are merged in when pushes are planned). */
  faults: Faults
  phoneTail?: string
  /** When the sandbox first heard of the number. */
  startedAt: number
  /** The scenario minute reached at `startedAt` (0 unless the story was backdated). */
  anchorMinute: number
}

/** What a state file keeps of a story (dev/aggregators/stateFile.ts). */
export interface StoredStory {
  trackingNo: string
  scenario: string
  faults: Faults
  phoneTail?: string
  startedAt: number
  anchorMinute: number
}
export interface StoredAssignment {
  trackingNo: string
  scenario: string
  faults?: Faults
  phoneTail?: string
  startedMinutesAgo?: number
}

const MINUTE_MS = 60_000

export class StoryBook {
  private readonly assignments = new Map<string, Assignment>()
  private readonly stories = new Map<string, Story>()

  constructor(private readonly speed: number) {}

  assign(trackingNo: string, scenarioName: string, faults?: Faults, options: AssignOptions = {}): void {
    const scenario = scenarioByName(scenarioName)
    if (!scenario) throw new Error(`unknown scenario "${scenarioName}"`)
    const number = normaliseTrackingNo(trackingNo)
    this.assignments.set(number, { scenario, faults, phoneTail: options.phoneTail, startedMinutesAgo: options.startedMinutesAgo })
    // A re-assignment replays from the start: the old story is forgotten.
    this.stories.delete(number)
  }

  /** The phone tail registered for a number, without starting its story. */
  phoneTailFor(trackingNo: string): string | undefined {
    return this.assignments.get(normaliseTrackingNo(trackingNo))?.phoneTail
  }

  /** The number's story, starting it now if this is the first time the sandbox hears of it. */
  open(trackingNo: string, carrier: string | undefined, now: number): Story {
    const number = normaliseTrackingNo(trackingNo)
    const existing = this.stories.get(number)
    if (existing) return existing
    const assigned = this.assignments.get(number)
    const scenario = assigned?.scenario ?? scenarioByName(defaultScenarioName(carrier ?? recognizeNumber(number)[0], isValidS10(number)))
    if (!scenario) throw new Error('default scenario missing from the registry')
    const story: Story = {
      trackingNo: number,
      scenario,
      faults: mergeFaults(scenario.faults, assigned?.faults),
      phoneTail: assigned?.phoneTail,
      startedAt: now,
      anchorMinute: assigned?.startedMinutesAgo ?? 0,
    }
    this.stories.set(number, story)
    return story
  }

  /** The story already told has real spacing; what is still to come runs `speed` times faster. */
  instantOf(story: Story, atMinute: number): number {
    const minutesFromAnchor = atMinute - story.anchorMinute
    return minutesFromAnchor <= 0
      ? story.startedAt + minutesFromAnchor * MINUTE_MS
      : story.startedAt + Math.round((minutesFromAnchor * MINUTE_MS) / this.speed)
  }

  /** The number's story if the sandbox has heard of it. */
  find(trackingNo: string): Story | undefined {
    return this.stories.get(normaliseTrackingNo(trackingNo))
  }

  exportState(): { assignments: StoredAssignment[]; stories: StoredStory[] } {
    return {
      assignments: [...this.assignments].map(([trackingNo, { scenario, ...rest }]) => ({ trackingNo, scenario: scenario.name, ...rest })),
      stories: [...this.stories.values()].map(({ scenario, ...rest }) => ({ ...rest, scenario: scenario.name })),
    }
  }

  importState(state: { assignments: StoredAssignment[]; stories: StoredStory[] }): void {
    const scenarioNamed = (name: string) => {
      const scenario = scenarioByName(name)
      if (!scenario) throw new Error(`state file names an unknown scenario "${name}"`)
      return scenario
    }
    for (const { trackingNo, scenario, ...rest } of state.assignments)
      this.assignments.set(trackingNo, { ...rest, scenario: scenarioNamed(scenario) })
    for (const { scenario, ...rest } of state.stories) this.stories.set(rest.trackingNo, { ...rest, scenario: scenarioNamed(scenario) })
  }

  /** Every event of the story with its instant (noRecord: none), in story order. */
  timeline(story: Story): TimedEvent[] {
    if (story.faults.noRecord) return []
    return story.scenario.events.map((event) => ({ ...event, instant: this.instantOf(story, event.atMinute) }))
  }

  eventsAt(story: Story, now: number): TimedEvent[] {
    return this.timeline(story).filter((event) => event.instant <= now)
  }

  /** The carrier the number really belongs to; undefined = any carrier is believed. */
  trueCarrier(story: Story): string | undefined {
    return story.faults.carrierCorrection
  }

  /** Whether the carrier a client names owns the number (explicit correction, else our number table). */
  belongsTo(story: Story, carrier: string): boolean {
    const truth = this.trueCarrier(story)
    if (truth) return truth === carrier
    const candidates = recognizeNumber(story.trackingNo)
    return candidates.length === 0 || candidates.includes(carrier)
  }
}
