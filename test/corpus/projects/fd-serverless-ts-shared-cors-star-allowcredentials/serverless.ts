import type { AWS } from '@serverless/typescript';
import hello from '@functions/hello';

const serverlessConfiguration: AWS = {
  service: 'sample-with-auth',
  frameworkVersion: '2',
  plugins: ['serverless-esbuild'],
  provider: { name: 'aws', runtime: 'nodejs14.x', region: 'ap-northeast-1' },
  functions: { hello },
};

module.exports = serverlessConfiguration;
