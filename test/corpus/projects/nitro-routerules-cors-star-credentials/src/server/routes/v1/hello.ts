import { defineEventHandler } from 'h3';

export default defineEventHandler(() => ({ message: 'hello from the cup API' }));
