// Spring's binding of un-annotated parameters: query string and form/JSON body fields alike
// (query wins). Validated by a pipe of its own: Nest's global pipes skip custom decorators.
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { createValidationPipe } from '@repo/nest';

const merged = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<{ query?: object; body?: unknown }>();
  const body = typeof request.body === 'object' && request.body !== null ? request.body : {};
  return { ...body, ...request.query };
});

export const ChatParams = (): ParameterDecorator => merged(createValidationPipe());
