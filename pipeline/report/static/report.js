// Every page: the header's search box opens the search page with the query in its hash
// (pages open from disk, where a query string is not always kept); on a document page,
// the checkbox that shows each repair's result beside the raw text.
(function () {
  "use strict";
  var box = document.querySelector("form.search-box");
  if (box) {
    box.addEventListener("submit", function (event) {
      event.preventDefault();
      var query = box.querySelector("input").value.trim();
      window.location.href = box.getAttribute("data-search") + "#q=" + encodeURIComponent(query);
    });
  }
  var edits = document.getElementById("show-edits");
  if (edits) {
    edits.addEventListener("change", function () {
      document.body.classList.toggle("show-edits", edits.checked);
    });
  }
})();
