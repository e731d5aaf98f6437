// Cosmos DB runs a query sent with a partition key (header x-ms-documentdb-partitionkey, the SDK's
// QueryRequestOptions.PartitionKey) within that partition only. @vercel/cosmosdb-server 1.0.1 ran it over every
// document of the container, so a case's access log or documents cost a pass over every case's. This scopes such a
// query to its partition, as Cosmos DB does; a query without the header still runs across the container.
"use strict";
const path = require("path");
const { AsyncLocalStorage } = require("async_hooks");

module.exports = function patchPartitionScopedQuery(packageLibDir) {
  const handlerModule = require(path.join(packageLibDir, "handler", "query-documents"));
  const partition = require(path.join(packageLibDir, "utils", "get-partition-from-header"));
  const Items = require(path.join(packageLibDir, "account", "items")).default;
  const scope = new AsyncLocalStorage();

  const original = handlerModule.default;
  handlerModule.default = (account, req, res, params) => {
    const header = partition.default(req);
    if (header === undefined) {
      return original(account, req, res, params);
    }
    let key;
    try {
      key = JSON.parse(header);
    } catch {
      res.statusCode = 400;
      return { code: "BadRequest", message: "The partition key header is not JSON." };
    }
    // The package refuses a query that is not cross-partition unless its text names the partition key; with the
    // header it runs within the partition whatever the text says, as Cosmos DB does.
    req.headers["x-ms-documentdb-query-enablecrosspartition"] = "true";
    return scope.run({ key: Array.isArray(key) ? key[0] : key }, () => original(account, req, res, params));
  };

  const query = Items.prototype.query;
  Items.prototype.query = function (params, options) {
    const scoped = scope.getStore();
    if (!scoped) {
      return query.call(this, params, options);
    }
    // The same as the package's query, over the partition's documents only.
    const data = this._data;
    const inPartition = new Map([...data].filter(([, item]) => this._getPartition(item.read()) === scoped.key));
    this._data = inPartition;
    try {
      return query.call(this, params, options);
    } finally {
      this._data = data;
    }
  };
};
