import { startSandbox } from './index.ts';
import { CliError, USAGE, parseCliOptions } from './cli-options.ts';

async function main() {
  let parsed;
  try {
    parsed = parseCliOptions(process.argv.slice(2), process.env);
  } catch (e) {
    if (e instanceof CliError) {
      console.error(`sandbox: ${e.message}\n\n${USAGE}`);
      process.exit(2);
    }
    throw e;
  }
  if (parsed.help) {
    console.log(USAGE);
    return;
  }
  const started = performance.now();
  const sandbox = await startSandbox({
    ...parsed.options,
    log: parsed.quiet ? undefined : (line) => console.log(line),
  });
  const counts = sandbox.store.counts();
  console.log(
    `Gainsight sandbox API listening on ${sandbox.url}\n` +
      `  database: ${parsed.options.db} (${counts.tasks} tasks, ${counts.playbooks} playbooks, ${counts.ctas} CTAs, ${counts.users} users)` +
      `${sandbox.seeded ? `, seeded in ${((performance.now() - started) / 1000).toFixed(1)} s` : ''}\n` +
      `  access key: ${parsed.options.accessKey ? '(as given)' : sandbox.accessKey}\n` +
      `  try: curl -H 'accessKey: ${parsed.options.accessKey ? 'YOUR_KEY' : sandbox.accessKey}' ${sandbox.url}/playbooks`,
  );
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE') console.error(`sandbox: port already in use (${err.message}); choose another with --port`);
  else console.error(`sandbox: ${err.stack ?? String(e)}`);
  process.exit(1);
});
