// /solicitar with JavaScript: suggestions and search results as one types, and bodies added or
// removed without reloading. Without it the same form works by posting back (two steps).
(function () {
  'use strict';
  var form = document.getElementById('solicitud');
  if (!form || !window.fetch || !window.URLSearchParams || !window.FormData) return;
  var url = form.getAttribute('data-suggest');
  var timer = null;
  var pending = null;

  Array.prototype.forEach.call(form.querySelectorAll('[data-nojs]'), function (el) { el.hidden = true; });

  function refresh(extra, focusChosen) {
    var data = new URLSearchParams(new FormData(form));
    if (extra) data.append(extra.name, extra.value);
    if (pending) pending.abort();
    pending = new AbortController();
    return fetch(url, { method: 'POST', body: data, signal: pending.signal, credentials: 'same-origin' })
      .then(function (res) { return res.ok ? res.text() : Promise.reject(res.status); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        ['elegir', 'encontradas'].forEach(function (part) {
          var from = doc.querySelector('[data-part="' + part + '"]');
          var to = form.querySelector('[data-part="' + part + '"]');
          if (from && to) to.replaceChildren.apply(to, Array.prototype.slice.call(from.childNodes));
        });
        if (focusChosen) { var h = document.getElementById('elegidas'); if (h) h.focus(); }
      })
      .catch(function () { /* the buttons still post the whole form */ });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(function () { refresh(null, false); }, 450);
  }

  var description = document.getElementById('descripcion');
  var search = document.getElementById('q');
  if (description) description.addEventListener('input', later);
  if (search) search.addEventListener('input', later);

  form.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button[name="agregar"], button[name="quitar"]');
    if (!button) return;
    event.preventDefault();
    refresh({ name: button.name, value: button.value }, true);
  });
})();
