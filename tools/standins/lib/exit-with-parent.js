// Ties a stand-in's life to the .NET process that started it: the parent holds our stdin open,
// so when the parent exits (even when killed) stdin ends and the stand-in shuts down.
// The parent's pid is polled as a second check.
"use strict";

function exitWithParent(parentPid, shutdown) {
  let released = false;
  const release = () => {
    if (released) return false;
    released = true;
    clearInterval(watch);
    process.stdin.destroy();
    // Whatever does not finish closing within a few seconds is ended anyway.
    setTimeout(() => process.exit(0), 5000).unref();
    return true;
  };
  const parentGone = () => {
    if (release()) shutdown();
  };

  process.stdin.on("end", parentGone);
  process.stdin.on("close", parentGone);
  process.stdin.on("error", parentGone);
  process.stdin.resume();

  const watch = setInterval(() => {
    try { process.kill(parentPid, 0); } catch { parentGone(); }
  }, 1000);
  watch.unref();

  // On a signal (Ctrl+C reaches the whole process group) the stand-in's own handler shuts it
  // down; stdin only has to stop holding the process open.
  process.on("SIGINT", release);
  process.on("SIGTERM", release);
}

function argValue(args, name) {
  const index = args.indexOf(name);
  return index >= 0 && index + 1 < args.length ? args[index + 1] : undefined;
}

function requiredArg(args, name) {
  const value = argValue(args, name);
  if (value === undefined) {
    console.error(`missing argument ${name}`);
    process.exit(2);
  }
  return value;
}

module.exports = { exitWithParent, argValue, requiredArg };
