// jest 29 has no per-project `testTimeout`; projects that start servers, builds or Chromium on a
// shared 2-core machine raise the limit here instead (still bounded).
jest.setTimeout(60000)
