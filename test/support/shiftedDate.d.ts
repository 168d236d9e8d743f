export declare const DEFAULT_FIXED_NOW: string
export declare function fixedNowFromEnv(env?: NodeJS.ProcessEnv): number
export declare function shiftedDate(RealDate: DateConstructor, startAt: number): DateConstructor
