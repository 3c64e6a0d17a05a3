// Drag and drop and a progress bar for the upload form. Without this
// script the form's plain file input and button do the same.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("upload");
  var drop = document.getElementById("drop");
  var input = document.getElementById("files");
  var bar = document.getElementById("progress");
  if (!form || !drop || !input || !window.FormData || !window.DataTransfer) {
    return;
  }
  ["dragenter", "dragover"].forEach(function (e) {
    drop.addEventListener(e, function (ev) {
      ev.preventDefault();
      drop.classList.add("over");
    });
  });
  ["dragleave", "drop"].forEach(function (e) {
    drop.addEventListener(e, function () {
      drop.classList.remove("over");
    });
  });
  drop.addEventListener("drop", function (ev) {
    ev.preventDefault();
    var dt = new DataTransfer();
    Array.prototype.forEach.call(ev.dataTransfer.files, function (f) {
      dt.items.add(f);
    });
    input.files = dt.files;
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    bar.hidden = false;
    xhr.upload.addEventListener("progress", function (p) {
      if (p.lengthComputable) {
        bar.value = Math.round((100 * p.loaded) / p.total);
      }
    });
    xhr.addEventListener("load", function () {
      // Files received: the answer was a redirect to the results' page.
      // Going there gives that page its address, so Reload and Back show
      // it and never send the files again. A refusal is shown as it came.
      if (xhr.status === 200 && xhr.responseURL && xhr.responseURL !== form.action) {
        window.location.assign(xhr.responseURL);
        return;
      }
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.send(new FormData(form));
  });
});
