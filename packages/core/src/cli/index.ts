// `@repo/core/cli`: the plumbing shared by the repository's verb CLIs (`ai-train`, `ai-ft`).
export { flagError, Flags, type FlagSpec } from './flags.js';
export { formatBytes, formatCount, formatDuration, formatFlops } from './format.js';
export { runVerbCli, type CliIo, type CliVerb, type VerbCliOptions } from './run-cli.js';
