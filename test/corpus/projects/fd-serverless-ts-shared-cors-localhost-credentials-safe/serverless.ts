import type { AWS } from '@serverless/typescript';
import { adminFunctions } from '@functions/admin';

const config: AWS = {
  service: 'ssb-api',
  provider: { name: 'aws', runtime: 'nodejs18.x' },
  functions: { ...adminFunctions },
};

module.exports = config;
