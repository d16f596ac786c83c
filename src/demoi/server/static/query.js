// The query page: YASGUI against this server's /sparql, and nothing else.
// Loaded as a file because the pages' CSP allows no inline script.
(function () {
  "use strict";
  var container = document.getElementById("yasgui");
  var initial = document.getElementById("initial-query");
  if (!container || typeof Yasgui === "undefined") {
    return;
  }
  var endpoint = container.dataset.endpoint;

  // The "property" and "class" autocompleters ask lov.linkeddata.es; only the ones that work
  // offline stay ("prefixes" uses the list bundled in yasgui.min.js: prefixCcApi is null).
  // Edited in place: Yasgui's defaults hold the same array, and a config array would be
  // merged into the defaults index by index rather than replace them.
  var offline = ["prefixes", "variables"];
  var completers = Yasgui.Yasqe.defaults.autocompleters;
  completers.splice(0, completers.length);
  Array.prototype.push.apply(completers, offline);

  var yasgui = new Yasgui(container, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    // Only this server in the endpoint picker (the defaults are dbpedia and wikidata).
    endpointCatalogueOptions: {
      getData: function () {
        return [{ endpoint: endpoint }];
      },
      keys: [],
    },
    copyEndpointOnNewTab: true,
    // Nothing kept in localStorage: each visit starts from the page's own query.
    persistenceId: null,
    // The page passes the query itself (?query= or ?example=); Yasgui's own URL parsing
    // would also take an endpoint from the URL.
    populateFromUrl: false,
    tabName: container.dataset.tabName,
    autofocus: false,
    yasqe: { autocompleters: offline, createShareableLink: null },
  });

  var tab = yasgui.getTab();
  tab.setEndpoint(endpoint);
  if (initial && initial.value) {
    tab.setQuery(initial.value);
  }
  // Marks the editor ready, for people's scripts and for tests.
  container.dataset.ready = "true";
})();
