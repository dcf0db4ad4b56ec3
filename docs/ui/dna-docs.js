// The API reference at /docs: Swagger UI over this server's /openapi.yaml.
// - "Try it out" calls the server that served this page: the contract's
//   `servers` names the development address, which an intranet browser
//   cannot reach (and the page's CSP allows requests to this server only).
// - A bearer token given under "Authorize" lives in this page alone: it is
//   not stored (persistAuthorization off) and is gone when the page closes.
// - Nothing is fetched from elsewhere: no validator badge, no URL from the
//   page's query string.
'use strict';

(function () {
  // "/docs" -> "/", or "/prefix/docs" -> "/prefix/" behind a proxy.
  var base = new URL('.', window.location.href);
  var thisServer = base.href.replace(/\/$/, '');

  function ThisServerPlugin() {
    return {
      statePlugins: {
        spec: {
          wrapActions: {
            updateJsonSpec: function (original) {
              return function (spec) {
                var servers = [{ url: thisServer, description: 'This server' }];
                return original(Object.assign({}, spec, { servers: servers }));
              };
            },
          },
        },
      },
    };
  }

  window.ui = SwaggerUIBundle({
    url: new URL('openapi.yaml', base).href,
    dom_id: '#swagger-ui',
    presets: [SwaggerUIBundle.presets.apis],
    plugins: [ThisServerPlugin],
    layout: 'BaseLayout',
    deepLinking: true,
    persistAuthorization: false,
    queryConfigEnabled: false,
    validatorUrl: null,
    displayRequestDuration: true,
  });
})();
