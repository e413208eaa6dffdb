// Uploads a document with a progress bar. The form still works without this
// script: it then posts normally and the server answers with a whole page.
// With it, the same answer is fetched and only the parts of the page marked
// data-upload-swap are replaced, so an unsaved draft above is not lost.
(function () {
  "use strict";

  var announcer = document.getElementById("upload-announcer");

  function announce(text) {
    if (announcer) {
      announcer.textContent = text;
    }
  }

  function swap(html, form) {
    var fresh = new DOMParser().parseFromString(html, "text/html");
    var swapped = false;
    document.querySelectorAll("[data-upload-swap]").forEach(function (old) {
      var replacement = fresh.getElementById(old.id);
      if (replacement) {
        old.replaceWith(replacement);
        swapped = true;
      }
    });
    if (!swapped) {
      return false;
    }
    var slot = document.getElementById(form.closest("li").id);
    var error = slot && slot.querySelector(".invalid-feedback");
    if (error) {
      announce(error.textContent);
      var input = slot.querySelector("input[type=file]");
      if (input) {
        input.focus();
      }
    } else {
      announce(form.dataset.done);
    }
    return true;
  }

  function send(form, status, progress, button) {
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.upload.addEventListener("progress", function (event) {
      if (event.lengthComputable) {
        progress.value = Math.round((event.loaded / event.total) * 100);
      }
    });
    xhr.addEventListener("load", function () {
      if (!swap(xhr.responseText, form)) {
        window.location.assign(xhr.responseURL || window.location.href);
      }
    });
    xhr.addEventListener("error", function () {
      progress.hidden = true;
      button.disabled = false;
      status.textContent = form.dataset.failed;
    });
    progress.value = 0;
    progress.hidden = false;
    button.disabled = true;
    status.textContent = form.dataset.sending;
    xhr.send(new FormData(form));
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches("form[data-upload]")) {
      return;
    }
    var input = form.querySelector("input[type=file]");
    var status = form.querySelector("[data-upload-status]");
    var progress = form.querySelector("progress");
    var button = form.querySelector("button[type=submit]");
    var file = input && input.files && input.files[0];
    if (!file || !status || !progress || !button || !window.FormData) {
      return; // The server answers this one, e.g. "this field is required".
    }

    event.preventDefault();
    if (file.size > Number(form.dataset.maxBytes)) {
      status.textContent = form.dataset.tooLarge;
      return;
    }
    send(form, status, progress, button);
  });
})();
