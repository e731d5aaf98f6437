// @vercel/cosmosdb-server 1.0.1 writes resource ids in plain base64, so one database in every 64 gets an id
// holding '/' (and it reads back only the first '-'). Cosmos DB writes '-' for '/', because clients put resource
// ids into request paths: the .NET SDK reads a container's partition key ranges at dbs/{rid}/colls/{rid}/pkranges,
// and with a '/' in the id every query on that database answered 404 "stale cache". This makes ids path-safe.
"use strict";
const path = require("path");

module.exports = function patchResourceIds(packageLibDir) {
  const ResourceId = require(path.join(packageLibDir, "account", "resource-id")).default;
  ResourceId.toBase64String = (buffer) => buffer.toString("base64").replace(/\//g, "-");
  ResourceId.fromBase64String = (s) => Buffer.from(s.replace(/-/g, "/"), "base64");
};
