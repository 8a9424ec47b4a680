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
})();
