export * from './rest-api/request-handler-builder';
export * from './router/rest-api-router';
