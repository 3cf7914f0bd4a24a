// Child process for the crash tests: migrates package "a", then inserts rows one transaction at a
// time and prints each committed id, until the parent kills it with SIGKILL.
const [distIndex, url, migrationsFolder] = process.argv.slice(2);
const { createDatabase } = await import(distIndex);
const database = await createDatabase({ url });
await database.migrate({ packageName: 'a', migrationsFolder });
for (let i = 1; ; i += 1) {
  await database.transaction(async (tx) => {
    await tx.execute(`INSERT INTO a_notes (body, rank) VALUES ('row ${i}', ${i})`);
  });
  process.stdout.write(`committed ${i}\n`);
}
