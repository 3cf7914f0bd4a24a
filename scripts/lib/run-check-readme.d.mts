export function runCheckReadme(
  dir: string,
  env?: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }>;
