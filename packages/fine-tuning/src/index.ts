// Public API of @repo/fine-tuning (in progress): dataset validation, statistics, estimates and
// conversions come first; job submission to hosted APIs and the local trainer follows.
export {};
