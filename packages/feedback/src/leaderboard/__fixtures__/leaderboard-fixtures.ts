// For the leaderboard tests: n identical battles in one call, and the field an InvalidInputError
// names.
import type { Battle, BattleWinner } from '../battles.js';

export function repeatBattles(
  n: number,
  winner: BattleWinner,
  modelA = 'a',
  modelB = 'b',
): Battle[] {
  return Array.from({ length: n }, () => ({ modelA, modelB, winner }));
}

/**
 * The field named by the InvalidInputError that `run` throws. Any other error is rethrown and a
 * call that throws nothing fails, so the test cannot pass by accident.
 */
export { invalidInputField } from '../../__fixtures__/invalid-input-field.js';
