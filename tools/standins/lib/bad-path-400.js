// @vercel/cosmosdb-server 1.0.1 decodes every path segment with decodeURIComponent while matching routes, outside any
// try/catch: a request whose path holds an escape that is not UTF-8 (e.g. /dbs/x/colls/y/docs/%C0%AF) threw an uncaught
// URIError and ended the process. This wraps the route table so such a request answers 400 BadRequest, as a JSON error
// body like the server's others, and the server keeps serving.
"use strict";
const path = require("path");

module.exports = function patchBadPaths(packageLibDir) {
  const routes = require(path.join(packageLibDir, "routes"));
  const match = routes.default;
  const badPath = (account, req, res) => {
    res.statusCode = 400;
    return { code: "BadRequest", message: "The request path holds an escape that is not valid UTF-8." };
  };

  // The package index looks the route table up on each request, so replacing it here takes effect at once.
  routes.default = (req) => {
    try {
      return match(req);
    } catch (err) {
      if (err instanceof URIError) {
        return [{}, badPath];
      }
      throw err;
    }
  };
};
