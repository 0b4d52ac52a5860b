// The explorer's page (served by src/explorer/explorer.ts under a CSP that allows only
// this origin's scripts): GraphiQL with a bearer token field and the example operations.
// The token stays in this tab (sessionStorage), never in the URL.
(function () {
  'use strict';
  var STORAGE_KEY = 'pre-explorer-token';
  var input = document.getElementById('token');
  var who = document.getElementById('who');
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));

  function currentToken() {
    return (sessionStorage.getItem(STORAGE_KEY) || '').trim();
  }

  function post(body, extraHeaders) {
    var headers = Object.assign({ 'content-type': 'application/json' }, extraHeaders || {});
    var token = currentToken();
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch('/graphql', { method: 'POST', headers: headers, body: JSON.stringify(body) }).then(function (response) {
      return response.json();
    });
  }

  function showViewer() {
    if (!currentToken()) {
      who.textContent = 'no token: paste one above';
      who.className = 'error';
      return;
    }
    post({ query: '{ viewer { displayName role } }' }).then(function (result) {
      if (result.data && result.data.viewer) {
        who.textContent = 'signed in as ' + result.data.viewer.displayName + ' (' + result.data.viewer.role + ')';
        who.className = 'ok';
      } else {
        who.textContent = (result.errors && result.errors[0] && result.errors[0].message) || 'the token was refused';
        who.className = 'error';
      }
    });
  }

  function render(operations) {
    var tabs = operations.map(function (operation) {
      return { query: operation.query };
    });
    root.render(
      React.createElement(GraphiQL, {
        // A new token: a new GraphiQL, which introspects the schema again with it.
        key: currentToken() || 'anonymous',
        fetcher: function (params, options) {
          return post(params, options && options.headers);
        },
        defaultTabs: tabs.length ? tabs : undefined,
        defaultEditorToolsVisibility: 'variables',
        shouldPersistHeaders: false,
      }),
    );
  }

  fetch('/explorer/operations.json')
    .then(function (response) {
      return response.json();
    })
    .then(function (operations) {
      input.value = currentToken();
      document.getElementById('token-form').addEventListener('submit', function (event) {
        event.preventDefault();
        sessionStorage.setItem(STORAGE_KEY, input.value.trim());
        showViewer();
        render(operations);
      });
      showViewer();
      render(operations);
    });
})();
