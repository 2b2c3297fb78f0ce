import { RestApiRouter as BaseRouter, type Route } from '@app/serverless-rest-api-router';

export const RestApiRouter = ({ prefix, controllers }: { prefix?: string; controllers: Route[][] }) =>
  BaseRouter({ prefix, routes: controllers.flat() });
