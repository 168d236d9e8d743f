// Which story each tracking number plays, when it started, and what has happened by a given instant.
// A story starts when the sandbox first hears of the number (subscribe or query, either vendor),
// so a query and a push about the same number always agree.
import { mergeFaults, type Faults } from './faults'
import { isValidS10, normaliseTrackingNo, recognizeNumber } from './recognizeNumber'
import { defaultScenarioName, scenarioByName, type Scenario, type ScenarioEvent } from './scenarios'

export interface TimedEvent extends ScenarioEvent { instant: number }

export interface AssignOptions {
  /** The recipient phone's last four digits; when set, a wrong tail is refused like production. */
  phoneTail?: string
}

interface Assignment { scenario: Scenario; faults?: Faults; phoneTail?: string }

export interface Story {
  trackingNo: string
  scenario: Scenario
  /** Number- and scenario-level knobs (global ones are merged in when pushes are planned). */
  faults: Faults
  phoneTail?: string
  startedAt: number
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
    this.assignments.set(number, { scenario, faults, phoneTail: options.phoneTail })
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
    const scenario = assigned?.scenario
      ?? scenarioByName(defaultScenarioName(carrier ?? recognizeNumber(number)[0], isValidS10(number)))
    if (!scenario) throw new Error('default scenario missing from the registry')
    const story: Story = {
      trackingNo: number,
      scenario,
      faults: mergeFaults(scenario.faults, assigned?.faults),
      phoneTail: assigned?.phoneTail,
      startedAt: now,
    }
    this.stories.set(number, story)
    return story
  }

  instantOf(story: Story, atMinute: number): number {
    return story.startedAt + Math.round((atMinute * MINUTE_MS) / this.speed)
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
