/** Every domain's routes are an OpenAPIHono router whose validation failures become `invalid_input`. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ErrorBody } from '../../shared/errors.ts';
import { fromZodError } from '../errors.ts';
import type { AppEnv } from './context.ts';

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw fromZodError(result.error as z.ZodError);
    },
  });
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

/** The error replies most routes can give, documented once. */
export const errors = {
  400: json(ErrorBody, 'Invalid input'),
  401: json(ErrorBody, 'Not signed in'),
  403: json(ErrorBody, 'Not allowed'),
  404: json(ErrorBody, 'Not found, or not visible to you'),
} as const;

export const IdParam = z.object({ id: z.string().min(1).max(64) });
