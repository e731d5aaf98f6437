// Keeps @vercel/cosmosdb-server's data (in memory in the package) in a journal file, so databases, containers and
// items survive a restart or a crash of the stand-in, the local host or the machine (docs/decisions/0010).
//
// Every change the package makes to its account (create, replace, delete of a database, container, item or
// user-defined function) is appended as one JSON line with the resource exactly as stored: its _rid, _self, _etag
// and _ts, so clients' caches and ETags stay valid after a restart. A request is answered only after its lines are
// on disk (fdatasync; requests answered at the same time share one). At start the journal is replayed, then
// rewritten as one line per live resource, so it never grows past what it holds plus one session's changes.
"use strict";
const fs = require("fs");
const path = require("path");

// With { flush: false } a request is answered once its lines are written, not yet flushed: a killed stand-in or
// host still loses nothing, a machine crash may. For data that dies with a test run anyway.
module.exports = function keepJournal(packageLibDir, journalPath, { flush = true } = {}) {
  const lib = (...parts) => require(path.join(packageLibDir, ...parts)).default;
  const Items = lib("account", "items");
  const kinds = [
    ["db", lib("account", "databases")],
    ["coll", lib("account", "collections")],
    ["doc", lib("account", "documents")],
    ["udf", lib("account", "user-defined-functions")],
  ];
  // Taken and read before the server listens, so a journal in use or unreadable stops the start.
  const journal = new Journal(journalPath, flush);
  journal.lock();
  const recorded = journal.read();

  // What a change is recorded as: the kind of resource and the resource ids of its parents.
  const scopeOf = (items) => {
    const kind = kinds.find(([, type]) => items instanceof type);
    if (!kind) return undefined; // partition key ranges: made by their container, never by a request
    // A parent's _self is /dbs/{rid} or /dbs/{rid}/colls/{rid}.
    const parent = kind[0] === "db" ? undefined : items._parent.read();
    const parents = parent ? parent._self.split("/").filter(Boolean).filter((_, i) => i % 2 === 1) : [];
    return { k: kind[0], p: parents };
  };

  // The package's own methods call each other (replace deletes, then sets): only the outermost change is recorded.
  let depth = 0;
  const record = (items, op, value) => {
    if (depth > 0 || journal.replaying) return;
    const scope = scopeOf(items);
    if (scope) journal.append({ ...scope, op, d: value, n: items._ridCount });
  };
  const wrap = (name, after) => {
    const original = Items.prototype[name];
    Items.prototype[name] = function (...args) {
      const before = name === "delete" ? this._item("/id", args[0], args[1]).read() : undefined;
      depth += 1;
      let result;
      try {
        result = original.apply(this, args);
      } finally {
        depth -= 1;
      }
      after(this, result, before);
      return result;
    };
    return original;
  };
  wrap("create", (items, stored) => record(items, "put", stored));
  wrap("replace", (items, stored) => record(items, "put", stored));
  const remove = wrap("delete", (items, _, removed) => record(items, "del", removed._rid));

  // The account is made when the server listens; it is filled from the journal before the first request.
  const accountModule = require(path.join(packageLibDir, "account"));
  const Account = accountModule.default;
  accountModule.default = class JournaledAccount extends Account {
    constructor(host, port) {
      super(host, port);
      journal.replay(recorded, (line) => apply(this, line, remove));
      journal.rewrite(snapshot(this));
    }
  };

  // A request is answered once its changes are durable.
  const routes = require(path.join(packageLibDir, "routes"));
  const match = routes.default;
  routes.default = (req) => {
    const route = match(req);
    if (!route) return route;
    const [params, handler] = route;
    return [params, async (...args) => {
      try {
        return await handler(...args);
      } finally {
        await journal.sync();
      }
    }];
  };
};

function itemsFor(account, { k, p }) {
  if (k === "db") return account.databases;
  const database = account.database(p[0]);
  if (!database.read()) throw new Error(`journal names a database that does not exist (${p[0]})`);
  if (k === "coll") return database.collections;
  const collection = database.collection(p[1]);
  if (!collection.read()) throw new Error(`journal names a container that does not exist (${p[1]})`);
  return k === "doc" ? collection.documents : collection.userDefinedFunctions;
}

function apply(account, line, remove) {
  const items = itemsFor(account, line);
  items._ridCount = Math.max(items._ridCount, line.n || 0);
  if (line.op === "n") return;
  if (line.op === "put") {
    const partition = items._getPartition(line.d);
    const existing = items._item("/id", line.d.id, partition).read();
    if (existing) remove.call(items, existing.id, partition);
    items._set(line.d);
    // User-defined functions are compiled when created; the package keeps the compiled ones beside the data.
    if (line.k === "udf") items.functions[line.d.id] = new Function(`"use strict";return (${line.d.body})`)();
  } else if (line.op === "del") {
    const existing = items._data.get(line.d);
    if (!existing) return;
    remove.call(items, existing.read().id, items._getPartition(existing.read()));
    if (line.k === "udf") delete items.functions[existing.read().id];
  } else {
    throw new Error(`journal line of unknown kind: ${line.op}`);
  }
}

// One line per live resource, parents before children, after a line with its collection's counter of resource
// ids (so the ids of deleted resources are never handed out again).
function* snapshot(account) {
  const lines = function* (items, scope) {
    yield { ...scope, op: "n", n: items._ridCount };
    for (const item of items._data.values()) {
      yield { ...scope, op: "put", d: item.read() };
    }
  };
  yield* lines(account.databases, { k: "db", p: [] });
  for (const database of account.databases._data.values()) {
    const dbRid = database.read()._rid;
    yield* lines(database.collections, { k: "coll", p: [dbRid] });
    for (const collection of database.collections._data.values()) {
      const scope = [dbRid, collection.read()._rid];
      yield* lines(collection.documents, { k: "doc", p: scope });
      yield* lines(collection.userDefinedFunctions, { k: "udf", p: scope });
    }
  }
}

class Journal {
  constructor(file, flush) {
    this.file = file;
    this.flush = flush;
    this.fd = undefined;
    this.replaying = false;
    this.written = 0;
    this.durable = 0;
    this.flushing = undefined;
  }

  // One stand-in per journal: a second one (a second local host on the same data directory) would overwrite it.
  lock() {
    const lockPath = this.file + ".lock";
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(lockPath, String(process.pid), { flag: "wx", mode: 0o600 });
        process.on("exit", () => fs.rmSync(lockPath, { force: true }));
        return;
      } catch (err) {
        if (err.code !== "EEXIST") throw err;
        const holder = Number(fs.readFileSync(lockPath, "utf8"));
        if (holder > 0 && holder !== process.pid && isRunning(holder)) {
          throw new Error(`another Cosmos DB stand-in (process ${holder}) keeps its data in ${path.dirname(this.file)}`);
        }
        fs.rmSync(lockPath, { force: true }); // left by a stand-in that was killed
      }
    }
    throw new Error(`cannot lock ${lockPath}`);
  }

  read() {
    let text;
    try {
      text = fs.readFileSync(this.file, "utf8");
    } catch (err) {
      if (err.code === "ENOENT") return [];
      throw err;
    }
    const lines = text.split("\n");
    const parsed = [];
    lines.forEach((raw, index) => {
      if (raw === "") return;
      try {
        parsed.push(JSON.parse(raw));
      } catch {
        // Only the last line can be cut short (a crash while appending it); its request was never answered.
        // (The parser's message would quote the line, which holds people's data: it is not passed on.)
        if (index === lines.length - 1) return;
        throw new Error(`journal ${this.file} line ${index + 1} is not JSON`);
      }
    });
    return parsed;
  }

  replay(lines, applyLine) {
    this.replaying = true;
    try {
      lines.forEach(applyLine);
    } finally {
      this.replaying = false;
    }
  }

  // Writes the lines to a new file, makes it durable, then puts it in the journal's place and appends from there.
  rewrite(lines) {
    const directory = path.dirname(this.file);
    fs.mkdirSync(directory, { recursive: true });
    const next = this.file + ".next";
    const fd = fs.openSync(next, "w", 0o600);
    try {
      let buffered = "";
      for (const line of lines) {
        buffered += JSON.stringify(line) + "\n";
        if (buffered.length > 1 << 20) {
          fs.writeSync(fd, buffered);
          buffered = "";
        }
      }
      fs.writeSync(fd, buffered);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(next, this.file);
    syncDirectory(directory);
    this.fd = fs.openSync(this.file, "a", 0o600);
  }

  append(line) {
    // Written at once (a killed process loses nothing the kernel has); made durable before the answer (sync).
    fs.writeSync(this.fd, JSON.stringify(line) + "\n");
    this.written += 1;
  }

  async sync() {
    if (!this.flush) return;
    const target = this.written;
    while (this.durable < target) {
      if (!this.flushing) {
        const upTo = this.written;
        this.flushing = new Promise((resolve, reject) => fs.fdatasync(this.fd, (err) => (err ? reject(err) : resolve())))
          .then(() => { this.durable = Math.max(this.durable, upTo); })
          .finally(() => { this.flushing = undefined; });
      }
      await this.flushing;
    }
  }
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

function syncDirectory(directory) {
  if (process.platform === "win32") return; // directories cannot be opened for fsync there; the rename is enough
  const fd = fs.openSync(directory, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
