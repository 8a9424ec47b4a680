// Starts the app. An external file rather than the inline script Trunk would write, so
// that the Content-Security-Policy can forbid inline script altogether. Trunk puts the
// hashed names of the wasm-bindgen module and the wasm file in the data attributes.
(function () {
  'use strict';
  var me = document.currentScript;
  var js = me.getAttribute('data-js');
  var wasm = me.getAttribute('data-wasm');
  import(js)
    .then(function (bindings) {
      return bindings.default({ module_or_path: wasm });
    })
    .catch(function (error) {
      var status = document.getElementById('shell-status');
      if (status) {
        status.hidden = true;
      }
      var failed = document.getElementById('shell-failed');
      if (failed) {
        failed.hidden = false;
      }
      console.error(error);
    });

  // The service worker (sw.js). When a new version has been installed and waits, the
  // app is told by the attribute data-update="ready" on <html> and an event
  // "rathaus:update"; it shows "Neue Version verfügbar – neu laden". A button with
  // data-action="apply-update" then activates the new version and reloads. Drafts are in
  // local storage and survive this.
  if (!('serviceWorker' in navigator)) {
    return;
  }
  var waiting = null;
  function announce(worker) {
    waiting = worker;
    document.documentElement.setAttribute('data-update', 'ready');
    window.dispatchEvent(new Event('rathaus:update'));
  }
  window.addEventListener('load', function () {
    navigator.serviceWorker
      .register('/sw.js')
      .then(function (registration) {
        if (registration.waiting && navigator.serviceWorker.controller) {
          announce(registration.waiting);
        }
        registration.addEventListener('updatefound', function () {
          var installing = registration.installing;
          if (!installing) {
            return;
          }
          installing.addEventListener('statechange', function () {
            // With no controller this is the first install, not an update.
            if (installing.state === 'installed' && navigator.serviceWorker.controller) {
              announce(installing);
            }
          });
        });
        // A tab left open for days still learns of new versions.
        setInterval(function () {
          registration.update().catch(function () {});
        }, 60 * 60 * 1000);
      })
      .catch(function (error) {
        console.warn('service worker not registered', error);
      });
  });
  var reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (waiting && !reloading) {
      reloading = true;
      window.location.reload();
    } else if (!waiting) {
      // The first install now controls the page: what the app fetched before it did is
      // not kept yet. The app asks again for what it needs offline (the catalogue).
      window.dispatchEvent(new Event('rathaus:controlled'));
    }
  });
  document.addEventListener('click', function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest('[data-action="apply-update"]') : null;
    if (button && waiting) {
      waiting.postMessage('rathaus:activate');
    }
  });
})();
