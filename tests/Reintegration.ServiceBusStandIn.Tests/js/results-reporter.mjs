// A node:test reporter that writes one JSON line per top-level test: its name, whether it passed,
// and the failure message. The xunit class JavaScriptSdkOnStandIn reads these lines.
export default async function* results(source) {
  for await (const event of source) {
    if ((event.type === "test:pass" || event.type === "test:fail") && event.data.nesting === 0 && event.data.details?.type !== "suite") {
      const error = event.data.details?.error;
      const cause = error?.cause ?? error;
      yield JSON.stringify({
        file: event.data.file ? event.data.file.split(/[\\/]/).pop() : null,
        name: event.data.name,
        passed: event.type === "test:pass",
        error: cause ? String(cause.stack ?? cause.message ?? cause) : null,
      }) + "\n";
    }
  }
}
