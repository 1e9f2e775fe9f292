/* Suggestions as you type, for every search box with data-suggest="<API URL>".
 *
 * The box becomes a combobox with a listbox popup (WAI-ARIA 1.2, "list autocomplete with
 * manual selection"): Down and Up move through the suggestions, Enter opens the profile
 * of the one chosen (or sends the form when none is), Escape closes the list (a second
 * Escape clears the box), Tab leaves. A status line tells screen readers how many
 * suggestions there are. Without this script the box is a plain search field that sends
 * its form; nothing here is needed to search. */
(function () {
  "use strict";

  var DELAY = 150; // ms after the last key before asking
  var MIN_LENGTH = 2;

  function setUp(input) {
    var form = input.form;
    var url = input.getAttribute("data-suggest");
    var listId = input.id + "-navrhy";
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var wrapper = input.parentNode;
    var items = [];
    var active = -1;
    var timer = null;
    var request = 0;
    var lang = document.documentElement.lang || "cs";
    var words = lang === "en"
      ? { list: "Suggestions", none: "No suggestions.", one: "1 suggestion.", few: " suggestions.", many: " suggestions.", how: " Use the up and down arrows to choose." }
      : { list: "Návrhy", none: "Žádné návrhy.", one: "1 návrh.", few: " návrhy.", many: " návrhů.", how: " Vyberte šipkami nahoru a dolů." };

    list.id = listId;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", words.list);
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    wrapper.classList.add("has-suggestions");
    wrapper.appendChild(list);
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", items[index].id);
        items[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(results) {
      list.textContent = "";
      items = results.map(function (result, i) {
        var item = document.createElement("li");
        var name = document.createElement("span");
        item.id = listId + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.setAttribute("data-url", result.url);
        name.lang = "cs";
        name.textContent = result.label;
        item.appendChild(name);
        if (result.label !== result.title) {
          var title = document.createElement("span");
          title.className = "suggestion-title";
          title.lang = "cs";
          title.textContent = result.title;
          item.appendChild(document.createTextNode(" "));
          item.appendChild(title);
        }
        item.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the box
        });
        item.addEventListener("click", function () {
          window.location.href = result.url;
        });
        list.appendChild(item);
        return item;
      });
      active = -1;
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        var count = items.length;
        status.textContent = (count === 1 ? words.one : count + (count < 5 ? words.few : words.many)) + words.how;
      } else {
        close();
        status.textContent = words.none;
      }
    }

    function ask() {
      var text = input.value.trim();
      if (text.length < MIN_LENGTH) {
        close();
        status.textContent = "";
        return;
      }
      var mine = ++request;
      fetch(url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (mine === request && document.activeElement === input) {
            show(data.results || []);
          }
        })
        .catch(function () {
          close(); // the box still sends its form
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) {
          if (items.length) {
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
          } else {
            ask();
          }
          return;
        }
        highlight(active + 1 < items.length ? active + 1 : 0);
      } else if (event.key === "ArrowUp") {
        if (!open) {
          return;
        }
        event.preventDefault();
        highlight(active > 0 ? active - 1 : items.length - 1);
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault();
          window.location.href = items[active].getAttribute("data-url");
        }
      } else if (event.key === "Escape") {
        if (open) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
        }
      } else if (event.key === "Tab") {
        close();
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });

    if (form) {
      form.addEventListener("submit", close);
    }
  }

  document.querySelectorAll("input[data-suggest]").forEach(setUp);
})();
