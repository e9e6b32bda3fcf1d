/* global window */
// antd reads matchMedia and ResizeObserver, which jsdom does not have.
window.matchMedia =
  window.matchMedia ||
  ((query) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  }));
global.ResizeObserver =
  global.ResizeObserver ||
  class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
const { getComputedStyle } = window;
window.getComputedStyle = (elt) => getComputedStyle(elt);
