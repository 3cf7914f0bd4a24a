// For tests: the error a call throws, of the class expected (anything else is rethrown), so its
// data can be asserted; a call that throws nothing fails the test.
export function thrownBy<T>(run: () => unknown, type: abstract new (...args: never[]) => T): T {
  try {
    run();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}`);
}
