export { RestApiRouter } from './router';
