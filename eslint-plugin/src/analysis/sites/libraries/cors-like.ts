/**
 * The `cors` package's semantics (src), which NestJS, socket.io, Apollo and many others hand their options
 * to: most rows start from it and change what differs.
 */
import type { LibraryResponses } from '../library-types';

export const corsResponses: LibraryResponses = {
  methodsOption: 'methods',
  defaultMethods: 'GET,HEAD,PUT,PATCH,POST,DELETE',
  headersOption: 'allowedHeaders',
  defaultHeaders: 'reflect',
  exposeOption: 'exposedHeaders',
  maxAgeOption: 'maxAge',
};

/** What `@koa/cors` sends beside the origin (and egg-cors, which is `@koa/cors`). */
export const koaCorsResponses: LibraryResponses = {
  methodsOption: 'allowMethods',
  defaultMethods: 'GET,HEAD,PUT,POST,DELETE,PATCH',
  headersOption: 'allowHeaders',
  defaultHeaders: 'reflect',
  exposeOption: 'exposeHeaders',
  maxAgeOption: 'maxAge',
};

export const corsLike = {
  defaultOrigin: 'wildcard',
  credentialsAlone: 'unless-callback-denies',
  wildcardWithCredentials: 'rejected',
  wildcardReflects: false,
  compilesWildcardOrigins: false,
  originFunction: 'callback',
  acceptsArray: true,
  originOption: 'origin',
  acceptsRegExp: true,
  responses: corsResponses,
} as const;
