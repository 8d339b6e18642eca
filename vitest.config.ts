// Many tests start whole processes or drive a terminal: on a busy 2-core machine one start can
// take seconds, so the default 5 s per test is too tight to mean anything but load.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
