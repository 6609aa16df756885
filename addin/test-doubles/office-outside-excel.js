/*
 * Stand-in for the Office CDN's office.js outside Office, with no network: the browser preview
 * (when the CDN cannot be reached) and the end-to-end tests (which route the CDN URL here).
 * Like the real library opened outside an Office host, Office.onReady resolves with
 * `host: null`, which makes the task pane start its preview on the in-memory workbook.
 */
/* global window, navigator */
(function () {
  "use strict";
  if (window.Office && window.Office.onReady) return;
  var info = { host: null, platform: null };
  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: {},
    context: {
      displayLanguage: navigator.language || "en-US",
      requirements: {
        isSetSupported: function () {
          return false;
        },
      },
    },
    onReady: function (callback) {
      return Promise.resolve(info).then(function (ready) {
        if (callback) callback(ready);
        return ready;
      });
    },
  };
})();
