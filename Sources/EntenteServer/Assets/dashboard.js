// Entente dashboard: events linked to their evidence, text files read into the form, and
// tables sorted by a click on their headers. No libraries.
"use strict";

function selectEvent(index, scroll) {
  document.querySelectorAll(".seg.active, li.event.active").forEach(function (node) {
    node.classList.remove("active");
  });
  var item = document.getElementById("event-" + index);
  if (item) {
    item.classList.add("active");
    var details = item.querySelector("details");
    if (details) { details.open = true; }
    if (scroll) { item.scrollIntoView({ block: "nearest" }); }
  }
  document.querySelectorAll(".seg[data-events]").forEach(function (segment) {
    if (segment.getAttribute("data-events").split(" ").indexOf(String(index)) >= 0) {
      segment.classList.add("active");
    }
  });
}

function sortTable(table, column, header) {
  var body = table.tBodies[0];
  var numeric = header.getAttribute("data-type") === "number";
  var ascending = !header.classList.contains("sorted-ascending");
  table.querySelectorAll("th").forEach(function (th) {
    th.classList.remove("sorted-ascending", "sorted-descending");
  });
  header.classList.add(ascending ? "sorted-ascending" : "sorted-descending");
  var rows = Array.prototype.slice.call(body.rows);
  rows.sort(function (a, b) {
    var x = a.cells[column].textContent.trim();
    var y = b.cells[column].textContent.trim();
    var order = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
    return ascending ? order : -order;
  });
  rows.forEach(function (row) { body.appendChild(row); });
}

document.addEventListener("DOMContentLoaded", function () {
  document.documentElement.classList.add("js");
  document.querySelectorAll("li.event").forEach(function (item) {
    item.querySelector("summary").addEventListener("click", function () {
      selectEvent(item.getAttribute("data-event"), false);
    });
  });
  document.querySelectorAll(".seg[data-events]").forEach(function (segment) {
    segment.addEventListener("click", function () {
      selectEvent(segment.getAttribute("data-events").split(" ")[0], true);
    });
  });
  var file = document.getElementById("file");
  if (file) {
    file.addEventListener("change", function () {
      if (!file.files.length) { return; }
      var reader = new FileReader();
      reader.onload = function () { document.getElementById("text").value = reader.result; };
      reader.readAsText(file.files[0]);
    });
  }
  // A link to `#event-N` opens that event with its evidence marked.
  var match = /^#event-(\d+)$/.exec(window.location.hash);
  if (match) { selectEvent(match[1], true); }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      header.addEventListener("click", function () { sortTable(table, column, header); });
    });
  });
});
