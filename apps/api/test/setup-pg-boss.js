/* global jest */
// pg-boss 10 requires `node:timers/promises` lazily inside its delay(); its worker-stop loop
// (manager.offWork) can call it a second after the app has closed, when Jest has already torn
// the test file's environment down: the require then fails and the stray rejection breaks the
// next test file in that worker. The same delay, with the timer taken while the file is alive.
const { setTimeout: sleep } = require('node:timers/promises');

jest.mock(require.resolve('pg-boss/src/tools'), () => ({
  delay(ms, error) {
    const ac = new AbortController();
    const promise = new Promise((resolve, reject) => {
      sleep(ms, null, { signal: ac.signal })
        .then(() => (error ? reject(new Error(error)) : resolve()))
        .catch(resolve);
    });
    promise.abort = () => {
      if (!ac.signal.aborted) ac.abort();
    };
    return promise;
  },
}));
