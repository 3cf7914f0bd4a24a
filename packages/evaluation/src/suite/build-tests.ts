// Turns the file's tests into runnable ones: defaultTest merged in (vars, assertions, threshold,
// grader), each assertion checked against what its type needs, every prompt variable defined.
import {
  ASSERTION_TYPE_NAMES,
  ASSERTION_TYPES,
  isAssertionType,
  parseAssertionType,
  type AssertionTypeInfo,
} from '../assertions/assertion-types.js';
import { TemplateError } from '@repo/prompting';
import { checkConfig, checkValue } from './check-assertion.js';
import type { GraderIds, SuiteAssertion, SuiteTest } from './eval-suite.js';
import { missingVariables, suiteTemplate, type CompiledPrompt } from './suite-templates.js';
import type { SuiteAssertionInput, SuiteFile } from './suite-schema.js';

type Report = (path: ReadonlyArray<PropertyKey>, reason: string) => void;

export function buildTests(
  file: SuiteFile,
  prompts: CompiledPrompt[],
  report: Report,
): SuiteTest[] {
  const defaults = file.defaultTest;
  const seen = new Map<string, number>();
  return file.tests.map((test, index) => {
    const vars = { ...defaults?.vars, ...test.vars };
    const grader = toGrader(test.options?.provider ?? defaults?.options?.provider);
    const sources: Array<[SuiteAssertionInput, ReadonlyArray<PropertyKey>]> = [
      ...(defaults?.assert ?? []).map((a, j): [SuiteAssertionInput, PropertyKey[]] => [
        a,
        ['defaultTest', 'assert', j],
      ]),
      ...(test.assert ?? []).map((a, j): [SuiteAssertionInput, PropertyKey[]] => [
        a,
        ['tests', index, 'assert', j],
      ]),
    ];
    const assert = sources.flatMap(([input, path]) => {
      const assertion = toAssertion(input, grader, vars, path, ['tests', index], report);
      return assertion ? [assertion] : [];
    });
    for (const prompt of prompts)
      for (const name of missingVariables(prompt, vars))
        report(
          ['tests', index, 'vars'],
          `prompt "${prompt.label}" uses {{${name}}}, which this test does not define`,
        );
    const description = test.description ?? `#${index + 1}`;
    const count = seen.get(description) ?? 0;
    seen.set(description, count + 1);
    return {
      index,
      key: count === 0 ? description : `${description}#${index + 1}`,
      description,
      vars,
      assert,
      threshold: test.threshold ?? defaults?.threshold,
    };
  });
}

function toAssertion(
  input: SuiteAssertionInput,
  testGrader: GraderIds,
  vars: Record<string, unknown>,
  path: ReadonlyArray<PropertyKey>,
  testPath: ReadonlyArray<PropertyKey>,
  report: Report,
): SuiteAssertion | undefined {
  const { type, negate } = parseAssertionType(input.type);
  if (!isAssertionType(type)) {
    report(
      [...path, 'type'],
      `unknown assertion type "${input.type}"; valid types: ${ASSERTION_TYPE_NAMES.join(', ')} (each may be prefixed with "not-")`,
    );
    return undefined;
  }
  const info: AssertionTypeInfo = ASSERTION_TYPES[type];
  const valueProblem = checkValue(info, input.value, type);
  if (valueProblem) report([...path, 'value'], valueProblem);
  for (const [key, problem] of checkConfig(type, input.config ?? {}))
    report([...path, 'config', key], problem);
  for (const name of missingValueVariables(input.value, vars))
    report([...path, 'value'], `uses {{${name}}}, which the test does not define`);
  if (info.threshold === 'required' && input.threshold === undefined)
    report([...path, 'threshold'], `"${type}" needs a threshold (${info.summary})`);
  if (info.needsContext && vars.context === undefined)
    report(testPath, `"${input.type}" needs vars.context (the retrieved documents)`);
  return {
    type,
    negate,
    value: input.value,
    threshold: input.threshold ?? (typeof info.threshold === 'number' ? info.threshold : undefined),
    weight: input.weight ?? 1,
    metric: input.metric,
    grader: { ...testGrader, ...toGrader(input.provider) },
    config: input.config ?? {},
  };
}

function toGrader(provider: SuiteAssertionInput['provider']): GraderIds {
  if (provider === undefined) return {};
  return typeof provider === 'string' ? { text: provider } : { ...provider };
}

/** `{{var}}` placeholders in a string value (or a list of strings) that `vars` does not define. */
function missingValueVariables(value: unknown, vars: Record<string, unknown>): string[] {
  const texts =
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.filter((item) => typeof item === 'string')
        : [];
  return texts
    .filter((text) => text.includes('{{'))
    .flatMap((text) => {
      try {
        suiteTemplate(text).render(vars);
        return [];
      } catch (error) {
        return error instanceof TemplateError ? error.details.map((detail) => detail.field) : [];
      }
    });
}
