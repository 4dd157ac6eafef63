// Offline use. Served over http, a service worker (sw.js at the top of the site, written by
// scripts/build-page.sh with a cache named by a hash of the page's files) keeps the page
// working after the first visit. The single-file build needs none: it is already one file.

/** Calls `onReady('sw' | 'single')` once the page is known to work offline. */
export function registerOffline(onReady) {
  if (globalThis.__ZHIBIAO_INLINE) {
    onReady('single');
    return;
  }
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker
    .register('./sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then(() => onReady('sw'))
    .catch(() => {
      // Without a service worker the page still works online; nothing to tell the user.
    });
}
