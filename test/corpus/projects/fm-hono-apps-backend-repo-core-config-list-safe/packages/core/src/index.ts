export { config } from './configs';
