// The repository's config, plus the parser flags that tell consistent-type-imports that a DTO
// class used as a decorated parameter's type is a runtime value (ValidationPipe reads it from
// emitDecoratorMetadata; an `import type` would silently switch validation off).
import root from '../../eslint.config.js';

export default [
  ...root,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
  },
];
