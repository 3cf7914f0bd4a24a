// Child process for the lock tests: opens a database, prints "ready", and keeps it open until
// stdin closes (or prints the error's name and message when it cannot open).
const [distIndex, url] = process.argv.slice(2);
const { createDatabase } = await import(distIndex);
try {
  const database = await createDatabase({ url });
  process.stdout.write(`ready ${process.pid}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void database.close().then(() => process.exit(0)));
} catch (error) {
  process.stdout.write(`${error.name}: ${error.message}\n`);
  process.exitCode = 3;
}
