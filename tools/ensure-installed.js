// Installs the pinned npm packages of a folder (`npm ci`) when its node_modules is missing or older
// than its lock file: `node tools/ensure-installed.js <folder>` (default: the current folder). Used for
// the stand-ins, the contract tools and the JavaScript SDK's contract tests.
// Several builds may call this at once (one `dotnet test` builds many projects): a lock folder
// makes them take turns, and each re-checks the stamp after taking the lock.
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const here = path.resolve(process.argv[2] || process.cwd());
const stamp = path.join(here, "node_modules", ".install-stamp");
const lockDir = path.join(here, ".install-lock");
const staleLockMs = 15 * 60 * 1000;

function mtime(file) {
  try { return fs.statSync(file).mtimeMs; } catch { return -1; }
}

function upToDate() {
  const installed = mtime(stamp);
  return installed >= 0
    && installed >= mtime(path.join(here, "package-lock.json"))
    && installed >= mtime(path.join(here, "package.json"));
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquireLock() {
  const deadline = Date.now() + staleLockMs;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      return;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      const age = Date.now() - mtime(lockDir);
      if (age > staleLockMs || Date.now() > deadline) {
        fs.rmSync(lockDir, { recursive: true, force: true }); // left by a killed build
        continue;
      }
      sleep(500);
    }
  }
}

if (upToDate()) process.exit(0);
acquireLock();
try {
  if (!upToDate()) {
    console.log("Installing the pinned packages (npm ci) in " + here);
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const result = spawnSync(npm, ["ci", "--no-audit", "--no-fund"], { cwd: here, stdio: "inherit", shell: process.platform === "win32" });
    if (result.status !== 0) {
      console.error("npm ci failed in " + here + (result.error ? ": " + result.error.message : ""));
      process.exitCode = 1;
    } else {
      fs.writeFileSync(stamp, new Date().toISOString() + "\n");
    }
  }
} finally {
  fs.rmSync(lockDir, { recursive: true, force: true });
}
