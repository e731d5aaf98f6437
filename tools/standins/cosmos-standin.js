// Starts @vercel/cosmosdb-server (Cosmos DB REST protocol) over HTTPS with the given certificate, keeping its data
// in the journal file when one is given (else in memory), and stops it when the parent .NET process exits.
// Usage: node cosmos-standin.js --port PORT --cert CERT.pem --key KEY.pem --parent-pid PID [--journal FILE [--no-flush]]
// --no-flush answers once a change is written, before it reaches the disk (see lib/journal.js).
"use strict";
const path = require("path");
const fs = require("fs");
const { exitWithParent, argValue, requiredArg } = require("./lib/exit-with-parent");

const args = process.argv.slice(2);
const port = Number(requiredArg(args, "--port"));
const cert = fs.readFileSync(requiredArg(args, "--cert"));
const key = fs.readFileSync(requiredArg(args, "--key"));
const parentPid = Number(requiredArg(args, "--parent-pid"));
const journal = argValue(args, "--journal");

const packageDir = path.join(__dirname, "node_modules", "@vercel", "cosmosdb-server", "lib");

// Must run before the package index loads: its routes table keeps the handler it finds then.
require("./lib/partition-scoped-query")(packageDir);
require("./lib/read-document-404")(packageDir);
require("./lib/resource-id-dashes")(packageDir);
require("./lib/bad-path-400")(packageDir);
if (journal) {
  require("./lib/journal")(packageDir, path.resolve(journal), { flush: !args.includes("--no-flush") });
}

const { createHttpsServer } = require(packageDir);
// Keep-alive: the package answers "connection: close" by default, so every request of the SDK paid a new TCP
// connection and TLS handshake (thousands of sockets in TIME_WAIT after one benchmark run). The idle timeout is longer
// than .NET's pooled-connection idle timeout (1 minute), so the client, not the server, closes an idle connection
// and never sends on one the server is closing.
const server = createHttpsServer({ cert, key, keepAlive: true });
server.keepAliveTimeout = 120 * 1000;
server.headersTimeout = 125 * 1000;
server.on("error", (err) => {
  console.error(`cosmos stand-in failed: ${err.message}`);
  process.exit(1);
});
server.listen(port, "127.0.0.1", () => {
  console.log(`cosmos stand-in listening on https://localhost:${port}/`);
});

const close = () => server.close(() => process.exit(0));
exitWithParent(parentPid, close);
process.once("SIGINT", close);
process.once("SIGTERM", close);
