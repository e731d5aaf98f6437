// @vercel/cosmosdb-server 1.0.1 answers 500 when a missing document is read: its read-document
// handler dereferences the document before checking that it exists. This wraps the handler so
// a missing document answers 404 NotFound, as Cosmos DB does.
"use strict";
const path = require("path");

module.exports = function patchReadDocument(packageLibDir) {
  const handlerModule = require(path.join(packageLibDir, "handler", "read-document"));
  const partition = require(path.join(packageLibDir, "utils", "get-partition-from-header"));
  const original = handlerModule.default;

  handlerModule.default = (account, req, res, params) => {
    const collection = account.database(params.dbId).collection(params.collId);
    if (collection.read()) {
      const partitionKey = partition.parsePartitionKey(partition.default(req), params.docId);
      if (!collection.document(params.docId, partitionKey).read()) {
        res.statusCode = 404;
        return { code: "NotFound", message: "Entity with the specified id does not exist in the system." };
      }
    }
    return original(account, req, res, params);
  };
};
