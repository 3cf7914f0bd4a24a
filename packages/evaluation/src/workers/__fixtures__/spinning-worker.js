// A stand-in for eval-worker.js in tests: it answers grade tasks like the real one, except that an
// output of "spin" never finishes (a grading no limit inside the worker could stop), so the pool's
// time limit must stop it by terminating the thread.
let spins = 0;

export default function answer(task) {
  if (task.kind === 'grade' && task.task.output === 'spin') for (;;) spins++;
  return {
    ok: true,
    value: { pass: true, score: 1, reason: `graded after ${spins} spins`, method: 'metric' },
  };
}
