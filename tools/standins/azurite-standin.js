// Starts Azurite (blob, queue, table) in this process and stops it when the parent .NET process exits.
// Usage: node azurite-standin.js --parent-pid PID -- <azurite arguments>
"use strict";
const path = require("path");
const { exitWithParent, requiredArg } = require("./lib/exit-with-parent");

const args = process.argv.slice(2);
const separator = args.indexOf("--");
if (separator < 0) {
  console.error("usage: node azurite-standin.js --parent-pid PID -- <azurite arguments>");
  process.exit(2);
}
const parentPid = Number(requiredArg(args.slice(0, separator), "--parent-pid"));
const azurite = path.join(__dirname, "node_modules", "azurite", "dist", "src", "azurite.js");

// Azurite reads its options from process.argv when its entry module loads.
process.argv = [process.argv[0], azurite, ...args.slice(separator + 1)];
// Azurite closes its servers (and saves its metadata) on SIGTERM; emitting the event runs that
// handler without the signal's default of ending the process at once.
exitWithParent(parentPid, () => process.emit("SIGTERM"));
require(azurite);
