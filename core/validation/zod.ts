// Every schema in core/ and server/ is built with zod's tree-shakable `zod/mini` API: a cloud
// function then carries only the checks it uses (~50 KiB) instead of the whole classic API (~400 KiB),
// which was most of each bundle and of its cold start. English messages are installed here once, so
// an `invalid_input` still says "Invalid input: expected string, received object". Import it as a
// namespace (`import * as z`): member accesses on a namespace are what a bundler can shake.
import { config } from 'zod/mini'
import { en } from 'zod/v4/locales'

config(en())

export * from 'zod/mini'
