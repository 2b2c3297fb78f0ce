import { defaults } from './default';
import production from './production';

const overrides = process.env.NODE_ENV === 'production' ? production : {};

export const config = { ...defaults, ...overrides };
